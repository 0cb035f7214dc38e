package br.com.techassist.shipments.sandbox.whatsapp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Message ids in the forms each provider uses. */
final class MessageIds {

    private MessageIds() {}

    /** A Baileys id of a message sent through the API ({@code 3EB0…}, 20 hex digits). */
    static String evolutionSent() {
        return "3EB0" + HexFormat.of().withUpperCase().formatHex(randomBytes(8));
    }

    /** A Baileys id of a message sent from a phone (32 hex digits). */
    static String phoneSent() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(16));
    }

    /** A Cloud API message id ({@code wamid.…}). */
    static String wamid() {
        return "wamid." + Base64.getEncoder().encodeToString(randomBytes(27));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
