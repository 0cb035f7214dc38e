package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.InvalidTrackingCodeException;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.phone.number.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phone.number.NormalizedPhone;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view and correction of a parcel's contact. {@code PUT /api/contacts/{trackingCode}}
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

    @GetMapping("/{trackingCode}")
    ResponseEntity<ContactView> show(@PathVariable String trackingCode) {
        String code = TrackingCode.parse(trackingCode).value();
        return validation.find(code).map(ContactView::of).map(ResponseEntity::ok)
                .orElseThrow(() -> new ContactValidation.UnknownContactException(code));
    }

    @PutMapping("/{trackingCode}")
    ResponseEntity<ContactView> correct(@PathVariable String trackingCode, @RequestBody(required = false) Correction body) {
        String code = TrackingCode.parse(trackingCode).value();
        NormalizedPhone phone = body == null ? BrazilianPhoneNumbers.normalize((String) null) : body.read();
        if (!phone.isUsable()) {
            throw new InvalidPhoneException(phone.problem());
        }
        validation.correct(code, phone);
        ContactView view = validation.find(code).map(ContactView::of).orElseThrow();
        return ResponseEntity.accepted().body(view);
    }

    @ExceptionHandler(InvalidTrackingCodeException.class)
    ProblemDetail invalidTrackingCode(InvalidTrackingCodeException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-tracking-code", e.getMessage());
    }

    @ExceptionHandler(InvalidPhoneException.class)
    ProblemDetail invalidPhone(InvalidPhoneException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-phone", e.getMessage());
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

    /** The new phone: {@code phone} as one string, or {@code areaCode} + {@code number}. */
    record Correction(String phone, String areaCode, String number) {
        NormalizedPhone read() {
            return phone != null && !phone.isBlank() ? BrazilianPhoneNumbers.normalize(phone)
                    : BrazilianPhoneNumbers.normalize(new Phone(areaCode, number));
        }
    }

    /** A contact as operators see it; {@code status} is PENDING while the provider check is due. */
    record ContactView(String trackingCode, String status, String input, String e164, PhoneType phoneType,
            String whatsappId, int failedChecks, String lastError) {
        static ContactView of(Contact c) {
            return new ContactView(c.trackingCode(), c.status(), c.input(), c.e164(), c.phoneType(), c.whatsappId(),
                    c.attempts(), c.lastError());
        }
    }

    static class InvalidPhoneException extends RuntimeException {
        InvalidPhoneException(String message) {
            super(message);
        }
    }
}
