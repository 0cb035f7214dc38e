package br.com.techassist.shipments.support.logging;

/** Check digits of CPF (11 digits) and CNPJ (14 digits), to tell a document from a phone number. */
final class BrazilianDocuments {

    private static final int[] CNPJ_WEIGHTS = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    private BrazilianDocuments() {}

    /** Whether {@code digits} is a CPF with valid check digits (not a run of one digit). */
    static boolean isCpf(String digits) {
        if (digits.length() != 11 || sameDigit(digits)) {
            return false;
        }
        return checkDigit(digits, 9, 10) == digit(digits, 9) && checkDigit(digits, 10, 11) == digit(digits, 10);
    }

    /** Whether {@code digits} is a CNPJ with valid check digits (not a run of one digit). */
    static boolean isCnpj(String digits) {
        if (digits.length() != 14 || sameDigit(digits)) {
            return false;
        }
        return cnpjCheckDigit(digits, 12) == digit(digits, 12) && cnpjCheckDigit(digits, 13) == digit(digits, 13);
    }

    /** CPF: the first {@code count} digits weighted {@code firstWeight}, {@code firstWeight - 1}, … 2. */
    private static int checkDigit(String digits, int count, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += digit(digits, i) * (firstWeight - i);
        }
        return sum * 10 % 11 % 10;
    }

    /** CNPJ: the first {@code count} digits weighted by the last {@code count} weights. */
    private static int cnpjCheckDigit(String digits, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += digit(digits, i) * CNPJ_WEIGHTS[CNPJ_WEIGHTS.length - count + i];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    private static int digit(String digits, int i) {
        return digits.charAt(i) - '0';
    }

    private static boolean sameDigit(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
