package br.com.techassist.shipments.phone.whatsapp;

import java.util.List;

/** The port to the WhatsApp provider: which numbers have an account, and under which id. */
public interface WhatsAppDirectory {

    /** The provider's name as published in {@code ContactValidated.provider} and in metric tags. */
    String name();

    /** False when the provider cannot tell whether a number has WhatsApp (the Meta Cloud API). */
    boolean canCheck();

    /**
     * Which of a number's candidate ids (the canonical form first) to ask about. By default all of
     * them; a provider that resolves the ninth digit itself is asked only the canonical form, so a
     * mobile costs one check of the anti-ban budget, not two.
     */
    default List<String> numbersToAsk(List<String> candidates) {
        return candidates;
    }

    /**
     * Asks about {@code numbers} (digits with country code) in one request.
     *
     * @return one answer per number asked, in the same order
     * @throws ProviderUnavailableException when the provider did not answer (down, 5xx, 4xx, timeout):
     *     the caller must retry later and never read it as "no WhatsApp"
     */
    List<NumberCheck> check(List<String> numbers);

    /**
     * What the provider said about one number.
     *
     * @param number the number asked, digits only
     * @param whatsappId the account's id as the provider returned it, digits only; null when the number has no account
     */
    record NumberCheck(String number, String whatsappId) {

        public boolean exists() {
            return whatsappId != null;
        }
    }
}
