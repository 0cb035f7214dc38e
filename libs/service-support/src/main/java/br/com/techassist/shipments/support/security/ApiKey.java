package br.com.techassist.shipments.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * One configured API key: who it is ({@code name}), what it may do ({@code role}) and the hash of the
 * key ({@code {sha256}<64 hex>} or {@code {bcrypt}$2a$…}); the key itself is never configured.
 */
public record ApiKey(String name, String role, String hash) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String SHA256 = "{sha256}";
    private static final String BCRYPT = "{bcrypt}";
    private static final BCryptPasswordEncoder BCRYPT_ENCODER = new BCryptPasswordEncoder();

    /** The configuration entry of a key: {@code name:role:{sha256}<hex of SHA-256(key)>}. */
    public static String entry(String name, String role, String key) {
        return name + ":" + role + ":" + SHA256 + sha256Hex(key);
    }

    /** Whether {@code presented} is this key (constant-time for SHA-256). */
    boolean matches(String presented) {
        if (hash.startsWith(SHA256)) {
            byte[] expected = HexFormat.of().parseHex(hash.substring(SHA256.length()).toLowerCase(java.util.Locale.ROOT));
            return MessageDigest.isEqual(expected, sha256(presented));
        }
        return BCRYPT_ENCODER.matches(presented, hash.substring(BCRYPT.length()));
    }

    /** Why {@code hash} is not a usable hash, or null. */
    static String problemWith(String hash) {
        if (hash.startsWith(SHA256)) {
            return SHA256_HEX.matcher(hash.substring(SHA256.length())).matches() ? null
                    : "{sha256} must be followed by 64 hex digits (the SHA-256 of the key)";
        }
        if (hash.startsWith(BCRYPT)) {
            return hash.substring(BCRYPT.length()).matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}") ? null
                    : "{bcrypt} must be followed by a bcrypt hash ($2a$10$…, 60 characters)";
        }
        return "the hash must start with {sha256} or {bcrypt} (the key itself is never configured)";
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + ":" + role;
    }
}
