package io.jiesu.core.province;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The signature both ways between Jiesu and a provincial platform: HMAC-SHA256 with the province's shared
 * secret over the timestamp (epoch seconds), a dot, and the raw body; sent as {@code sha256=<hex>}. A
 * timestamp more than five minutes off is refused, so a captured request cannot be replayed later.
 */
public final class ProvinceSignature {
    public static final String TIMESTAMP_HEADER = "X-Jiesu-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Jiesu-Signature";
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] secret;

    public ProvinceSignature(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a province secret has at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(long epochSeconds, byte[] body) {
        return sign(Long.toString(epochSeconds), body);
    }

    /** Signs the timestamp exactly as sent in its header. */
    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a request fails verification, or null when it passes. */
    public String refusal(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null) {
            return "missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER;
        }
        if (!timestamp.matches("\\d{1,12}")) {
            return TIMESTAMP_HEADER + " is not epoch seconds";
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return TIMESTAMP_HEADER + " is outside the five-minute window";
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return "the signature does not match";
        }
        return null;
    }
}
