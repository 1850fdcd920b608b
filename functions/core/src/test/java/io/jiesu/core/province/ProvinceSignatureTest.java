package io.jiesu.core.province;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The webhook's signature: every part of what is signed matters, and the five-minute window holds both ways. */
class ProvinceSignatureTest {
    private static final String SECRET = "local-demo-province-secret";
    private static final long SENT = 1_780_000_000L;
    private static final byte[] BODY = "{\"provinceTicketNo\":\"GD-1\",\"content\":\"路灯不亮\"}".getBytes(StandardCharsets.UTF_8);

    private final ProvinceSignature signature = new ProvinceSignature(SECRET);
    private final String signed = signature.sign(SENT, BODY);

    private String refusalAt(long nowEpochSeconds, String timestamp, String sig, byte[] body) {
        return signature.refusal(timestamp, sig, body, Instant.ofEpochSecond(nowEpochSeconds));
    }

    @Test
    void aRequestSignedWithTheSecretPasses() {
        assertNull(refusalAt(SENT, Long.toString(SENT), signed, BODY));
        assertTrue(signed.matches("sha256=[0-9a-f]{64}"), signed);
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] tampered = "{\"provinceTicketNo\":\"GD-1\",\"content\":\"路灯不亮!\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("the signature does not match", refusalAt(SENT, Long.toString(SENT), signed, tampered));
    }

    @Test
    void aTimestampOtherThanTheSignedOneIsRefused() {
        assertEquals("the signature does not match", refusalAt(SENT, Long.toString(SENT + 1), signed, BODY));
    }

    @Test
    void anotherSecretsSignatureIsRefused() {
        String forged = new ProvinceSignature("another-province-secret").sign(SENT, BODY);
        assertEquals("the signature does not match", refusalAt(SENT, Long.toString(SENT), forged, BODY));
    }

    @Test
    void theWindowIsThreeHundredSecondsEitherWayInclusive() {
        String ts = Long.toString(SENT);
        assertNull(refusalAt(SENT + 300, ts, signed, BODY), "received 300 s after it was signed");
        assertNull(refusalAt(SENT - 300, ts, signed, BODY), "signed 300 s ahead of our clock");
        assertEquals("X-Jiesu-Timestamp is outside the five-minute window", refusalAt(SENT + 301, ts, signed, BODY),
                "a replay 301 s later");
        assertEquals("X-Jiesu-Timestamp is outside the five-minute window", refusalAt(SENT - 301, ts, signed, BODY),
                "a timestamp 301 s in the future");
    }

    @Test
    void missingOrMalformedHeadersAreRefusedBeforeAnyHmac() {
        assertNotNull(refusalAt(SENT, null, signed, BODY));
        assertNotNull(refusalAt(SENT, Long.toString(SENT), null, BODY));
        assertEquals("X-Jiesu-Timestamp is not epoch seconds", refusalAt(SENT, "2026-11-30T10:00:00Z", signed, BODY));
        assertEquals("X-Jiesu-Timestamp is not epoch seconds", refusalAt(SENT, "-" + SENT, signed, BODY));
    }

    @Test
    void theSignatureHeaderIsReadWithoutRegardToCaseOrSurroundingSpace() {
        assertNull(refusalAt(SENT, Long.toString(SENT), "  " + signed.toUpperCase() + " ", BODY));
    }

    @Test
    void aSecretShorterThanSixteenCharactersIsRefusedAtConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new ProvinceSignature("short-secret"));
    }
}
