package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.phonenumbers.NormalizedPhone;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A correction whose phone (one string, or DDD + number) is a usable Brazilian number; the violation
 * is reported on {@code phone} with the number's problem as message.
 */
@Documented
@Constraint(validatedBy = ReadablePhone.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ReadablePhone {

    String message() default "is not a usable Brazilian number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReadablePhone, ContactController.Correction> {

        @Override
        public boolean isValid(ContactController.Correction correction, ConstraintValidatorContext context) {
            NormalizedPhone phone = correction.read();
            if (phone.isUsable()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(phone.problem().replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addPropertyNode("phone").addConstraintViolation();
            return false;
        }
    }
}
