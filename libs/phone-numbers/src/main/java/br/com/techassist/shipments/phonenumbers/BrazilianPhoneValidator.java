package br.com.techassist.shipments.phonenumbers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link BrazilianPhone}: anything longer than {@link BrazilianPhoneNumbers#MAX_INPUT} is refused
 * before it is parsed; otherwise the number's problem becomes the message (braces, dollar and
 * backslash escaped, so the input is never read as a message template).
 */
public class BrazilianPhoneValidator implements ConstraintValidator<BrazilianPhone, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        NormalizedPhone phone = BrazilianPhoneNumbers.normalize(value.toString());
        if (phone.isUsable()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(phone.problem())).addConstraintViolation();
        return false;
    }

    private static String escape(String message) {
        return message.replaceAll("([\\\\{}$])", "\\\\$1");
    }
}
