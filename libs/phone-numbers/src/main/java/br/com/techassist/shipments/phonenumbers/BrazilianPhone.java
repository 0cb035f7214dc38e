package br.com.techassist.shipments.phonenumbers;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string that {@link BrazilianPhoneNumbers#normalize(String)} reads as a usable Brazilian number;
 * null is valid (combine with {@code @NotBlank}). The message says what is wrong with the number.
 */
@Documented
@Constraint(validatedBy = BrazilianPhoneValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BrazilianPhone {

    String message() default "must be a Brazilian number with DDD, e.g. (43) 99999-0021";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
