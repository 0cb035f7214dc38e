package br.com.techassist.shipments.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based (version 5, SHA-1) UUID from the parts that identify an
 * event, so that replaying the same fact yields the same id and subscribers can de-duplicate.
 */
public final class EventIds {

    private static final UUID NAMESPACE = UUID.fromString("6f1c1c8e-4d1b-4e55-9a3c-2b0e7d9a1f10");

    private EventIds() {}

    /** The same parts, in the same order, always give the same id. */
    public static UUID of(String eventType, Object... parts) {
        StringBuilder name = new StringBuilder(eventType);
        for (Object part : parts) {
            name.append('\u001f').append(part);
        }
        return nameBased(name.toString());
    }

    private static UUID nameBased(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (8 * (7 - i)));
            out[i + 8] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return out;
    }
}
