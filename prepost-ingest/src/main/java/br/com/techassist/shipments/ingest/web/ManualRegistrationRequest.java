package br.com.techassist.shipments.ingest.web;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/shipments}: a parcel posted without a pre-posting.
 *
 * <pre>{"trackingCode":"DG049186226BR",
 *  "recipient":{"name":"Maria da Silva","phone":"(43) 99999-0021","email":"maria@example.com"},
 *  "contents":[{"description":"Notebook reparado","quantity":1,"value":1500.00}],
 *  "invoiceNumber":null,"notes":"OS 1234"}</pre>
 */
record ManualRegistrationRequest(
        @Nullable String trackingCode,
        @Nullable RecipientRequest recipient,
        @Nullable List<ContentRequest> contents,
        @Nullable String invoiceNumber,
        @Nullable String notes) {

    record RecipientRequest(@Nullable String name, @Nullable String phone, @Nullable String email) {}

    record ContentRequest(@Nullable String description, @Nullable Integer quantity, @Nullable BigDecimal value) {}
}
