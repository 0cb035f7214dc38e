package br.com.techassist.shipments.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the raw body keyed with the app secret. */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    static String sign(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check; false when the secret, the header or the body is missing. */
    static boolean matches(byte[] body, String header, String appSecret) {
        if (appSecret == null || appSecret.isBlank() || header == null || body == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = sign(body, appSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
