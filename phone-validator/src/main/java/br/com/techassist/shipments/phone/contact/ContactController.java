package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.InvalidTrackingCodeException;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phonenumbers.NormalizedPhone;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.security.ApiRoles;
import br.com.techassist.shipments.support.web.FieldProblem;
import br.com.techassist.shipments.support.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view and correction of a parcel's contact (roles in {@link ContactAccess}). {@code PUT /api/contacts/{trackingCode}}
 * with {@code {"phone": "(43) 99999-0021"}} (or {@code {"areaCode": "43", "number": "99999-0021"}})
 * validates the number again, bypassing the cache, and publishes a new {@code ContactValidated}.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final ContactValidation validation;

    ContactController(ContactValidation validation) {
        this.validation = validation;
    }

    /** Operators see the contact in full, auditors with the phone and WhatsApp id masked. */
    @GetMapping("/{trackingCode}")
    ResponseEntity<ContactView> show(@PathVariable String trackingCode, Authentication caller) {
        String code = TrackingCode.parse(trackingCode).value();
        boolean operator = ApiRoles.held(caller, ApiRoles.OPERATOR);
        return validation.find(code).map(ContactView::of).map(v -> operator ? v : v.masked()).map(ResponseEntity::ok)
                .orElseThrow(() -> new ContactValidation.UnknownContactException(code));
    }

    @PutMapping(path = "/{trackingCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContactView> correct(@PathVariable String trackingCode, @Valid @RequestBody Correction body) {
        String code = TrackingCode.parse(trackingCode).value();
        NormalizedPhone phone = body.read();
        validation.correct(code, phone);
        ContactView view = validation.find(code).map(ContactView::of).orElseThrow();
        return ResponseEntity.accepted().body(view);
    }

    @ExceptionHandler(InvalidTrackingCodeException.class)
    ProblemDetail invalidTrackingCode(InvalidTrackingCodeException e) {
        ProblemDetail problem = Problems.invalid(List.of(new FieldProblem("trackingCode", e.getMessage())));
        problem.setType(URI.create("urn:shipments:phone-validator:invalid-tracking-code"));
        return problem;
    }

    @ExceptionHandler(ContactValidation.ErasedContactException.class)
    ProblemDetail erased(ContactValidation.ErasedContactException e) {
        return problem(HttpStatus.CONFLICT, "erased", e.getMessage());
    }

        @ExceptionHandler(ContactValidation.UnknownContactException.class)
    ProblemDetail unknown(ContactValidation.UnknownContactException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-parcel", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:shipments:phone-validator:" + type));
        return problem;
    }

    /** The new phone: {@code phone} as one string, or {@code areaCode} + {@code number}; each bounded before it is read. */
    @ReadablePhone
    record Correction(@Size(max = BrazilianPhoneNumbers.MAX_INPUT) String phone, @Size(max = 4) String areaCode,
            @Size(max = BrazilianPhoneNumbers.MAX_INPUT) String number) {
        NormalizedPhone read() {
            return phone != null && !phone.isBlank() ? BrazilianPhoneNumbers.normalize(phone)
                    : BrazilianPhoneNumbers.normalize(new Phone(areaCode, number));
        }
    }

    /**
     * A contact as operators see it; {@code status} is PENDING while the provider check is due;
     * {@code erasedAt} is set (and the phone fields empty) once its personal data was erased.
     */
    record ContactView(String trackingCode, String status, String input, String e164, PhoneType phoneType,
            String whatsappId, int failedChecks, String lastError, Instant erasedAt) {
        static ContactView of(Contact c) {
            return new ContactView(c.trackingCode(), c.status(), c.input(), c.e164(), c.phoneType(), c.whatsappId(),
                    c.attempts(), c.lastError(), c.erasedAt());
        }

        /** The view an auditor gets: numbers masked, the error text's digit runs masked. */
        ContactView masked() {
            return new ContactView(trackingCode, status, mask(input), mask(e164), phoneType, mask(whatsappId), failedChecks,
                    lastError == null ? null : lastError.replaceAll("\\d{4,}", "****"), erasedAt);
        }

        private static String mask(String phone) {
            return phone == null ? null : Masking.phone(phone);
        }
    }
}
