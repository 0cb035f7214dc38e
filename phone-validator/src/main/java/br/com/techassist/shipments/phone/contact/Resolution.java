package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory.NumberCheck;
import java.util.List;

/** Turns provider answers into the contact's WhatsApp id and status. Pure. */
final class Resolution {

    private Resolution() {}

    /**
     * The id WhatsApp knows among the candidates' answers, in candidate order (the canonical form
     * first): the id the provider returned, not the number asked. Null when no candidate exists.
     */
    static String pickId(List<String> candidates, List<NumberCheck> answers) {
        for (String candidate : candidates) {
            for (NumberCheck answer : answers) {
                if (answer.number().equals(candidate) && answer.exists()) {
                    return answer.whatsappId();
                }
            }
        }
        return null;
    }

    /** VALID when WhatsApp knows the number as typed, CORRECTED when under another id, else NO_WHATSAPP. */
    static ContactStatus statusFor(String typedId, String whatsappId) {
        if (whatsappId == null) {
            return ContactStatus.NO_WHATSAPP;
        }
        return whatsappId.equals(typedId) ? ContactStatus.VALID : ContactStatus.CORRECTED;
    }
}
