package br.com.techassist.shipments.ingest.privacy;

import br.com.techassist.shipments.phonenumbers.BrazilianPhone;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/privacy/erasures}: how the person is known, at least one of the three.
 *
 * <pre>{"phone":"(43) 99999-0021","email":"maria@example.com","document":"123.456.789-09"}</pre>
 *
 * @param phone any Brazilian number with DDD, with or without +55 and the ninth digit
 * @param document a CPF (11 digits) or CNPJ (14 digits), punctuation allowed
 */
record ErasureRequestBody(
        @Nullable @BrazilianPhone String phone,
        @Nullable @Email @Size(max = 255) String email,
        @Nullable @Size(max = 30) @Pattern(regexp = "(?:\\D*\\d){11}\\D*|(?:\\D*\\d){14}\\D*",
                message = "must be a CPF (11 digits) or a CNPJ (14 digits)") String document) {

    /** Bean Validation: reported as the field {@code identifier}. */
    @AssertTrue(message = "give at least one of phone, email or document")
    boolean isIdentifier() {
        return Stream.of(phone, email, document).anyMatch(s -> s != null && !s.isBlank());
    }
}
