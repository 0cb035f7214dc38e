package br.com.techassist.shipments.notifier.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Telling our message apart in a provider's record of sent messages. Both messages of a parcel carry
 * its tracking code, so the code alone could take SHIPPED for ARRIVED: the text's SHA-256, stored at
 * claim time, identifies the one message that was sent.
 */
public final class SentTexts {

    private SentTexts() {}

    /** SHA-256 of the text, hex; null for no text. */
    public static String digest(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /**
     * The record of our message among {@code stored}: the same text when its digest is known;
     * otherwise (a claim from before digests were stored) one carrying the tracking code whose id is
     * none of {@code otherMessageIds} (the parcel's other message).
     */
    public static Optional<StoredMessage> find(List<StoredMessage> stored, String trackingCode, String digest,
            Set<String> otherMessageIds) {
        return stored.stream()
                .filter(m -> digest != null ? digest.equals(digest(m.text()))
                        : m.text().contains(trackingCode) && !otherMessageIds.contains(m.id()))
                .findFirst();
    }
}
