package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.model.InvalidTrackingCodeException;
import br.com.techassist.shipments.model.TrackingCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Correios tracking code ({@link TrackingCode#parse}: format and check digit); null is valid. */
@Documented
@Constraint(validatedBy = TrackingCodeFormat.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface TrackingCodeFormat {

    String message() default "is not a Correios tracking code (two letters, 8 digits, check digit, two letters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Refuses long input unread; reports {@link TrackingCode}'s own reason otherwise. */
    class Validator implements ConstraintValidator<TrackingCodeFormat, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.length() > 20) {
                return value == null;
            }
            try {
                TrackingCode.parse(value);
                return true;
            } catch (InvalidTrackingCodeException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replaceAll("([\\\\{}$])", "\\\\$1"))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
