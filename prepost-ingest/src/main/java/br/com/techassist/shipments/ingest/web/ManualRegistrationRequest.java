package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.phonenumbers.BrazilianPhone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/shipments}: a parcel posted without a pre-posting. Limits follow the
 * Correios declaration (recipient {@code nome} 3–50 characters, {@code email} ≤ 255,
 * {@code observacao} ≤ 50, invoice number ≤ 12 digits); at most {@value #MAX_ITEMS} content items.
 *
 * <pre>{"trackingCode":"DG049186226BR",
 *  "recipient":{"name":"Maria da Silva","phone":"(43) 99999-0021","email":"maria@example.com"},
 *  "contents":[{"description":"Notebook reparado","quantity":1,"value":1500.00}],
 *  "invoiceNumber":null,"notes":"OS 1234"}</pre>
 */
record ManualRegistrationRequest(
        @NotBlank @TrackingCodeFormat String trackingCode,
        @NotNull(message = "is required (name and phone)") @Valid RecipientRequest recipient,
        @NotEmpty(message = "needs at least one item") @Size(max = MAX_ITEMS) List<@NotNull @Valid ContentRequest> contents,
        @Nullable @Pattern(regexp = "\\d{1,12}", message = "must be 1 to 12 digits") String invoiceNumber,
        @Nullable @Size(max = 50) String notes) {

    static final int MAX_ITEMS = 50;

    record RecipientRequest(
            @NotBlank @Size(min = 3, max = 50) String name,
            @NotBlank @BrazilianPhone String phone,
            @Nullable @Email @Size(max = 255) String email) {}

    record ContentRequest(
            @NotBlank @Size(max = 255) String description,
            @NotNull @Min(value = 1, message = "must be 1 or more") @Max(9999) Integer quantity,
            @Nullable @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 9, fraction = 2)
                    BigDecimal value) {}
}
