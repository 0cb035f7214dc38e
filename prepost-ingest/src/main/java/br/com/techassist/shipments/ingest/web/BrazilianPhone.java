package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.model.Phone;
import org.jspecify.annotations.Nullable;

/** A Brazilian phone typed by a person: optional +55, a DDD and 8 or 9 digits, punctuation ignored. */
record BrazilianPhone(Phone phone, boolean mobile) {

    static @Nullable BrazilianPhone parse(String raw) {
        String digits = raw.replaceAll("\\D", "");
        if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
            digits = digits.substring(2);
        }
        if (digits.length() == 11 && digits.charAt(0) == '0') {
            digits = digits.substring(1); // a trunk prefix: 0 43 3333-4444
        }
        if (digits.length() != 10 && digits.length() != 11) {
            return null;
        }
        String ddd = digits.substring(0, 2);
        String local = digits.substring(2);
        if (ddd.charAt(0) == '0' || ddd.charAt(1) == '0') {
            return null;
        }
        char first = local.charAt(0);
        if (local.length() == 9) {
            return first == '9' ? new BrazilianPhone(new Phone(ddd, local), true) : null;
        }
        if (first == '0' || first == '1') {
            return null;
        }
        return new BrazilianPhone(new Phone(ddd, local), first >= '6');
    }
}
