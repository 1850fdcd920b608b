package io.jiesu.aws.ticket;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** A keyed hash of a phone number, so the citizen index finds earlier tickets without storing the number in it. */
public final class PhoneHash {
    private final SecretKeySpec key;

    public PhoneHash(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("jiesu.citizen-index-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String digits = phone.replaceAll("[^0-9]", "");
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
