package br.com.techassist.shipments.sandbox.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A Baileys message key as Evolution stores and posts it. {@code remoteJidAlt} and
 * {@code addressingMode} are set on inbound messages only (Baileys 7: one of the two jids is the
 * contact's {@code @lid}, the other its phone jid).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EvolutionKey(String remoteJid, @Nullable String remoteJidAlt, @Nullable String addressingMode, boolean fromMe,
        String id) {

    static EvolutionKey sent(String remoteJid, String id) {
        return new EvolutionKey(remoteJid, null, null, true, id);
    }

    boolean matches(String jid) {
        return remoteJid.equals(jid) || jid.equals(remoteJidAlt);
    }
}
