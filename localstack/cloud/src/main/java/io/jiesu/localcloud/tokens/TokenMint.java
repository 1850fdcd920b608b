package io.jiesu.localcloud.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints RS256 bearer tokens for trying the API out on the local cloud and in tests. It lives only here: the
 * deployed api verifies tokens from the city's identity provider and has no way to mint any.
 */
public final class TokenMint {
    public static final String ISSUER = "https://jiesu.local";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private TokenMint(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair for one local run. */
    public static TokenMint generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            return new TokenMint(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mint from a PKCS#8 PEM private key (tests keep a fixed pair); the public key is not needed to sign. */
    public static TokenMint fromPem(String privateKeyPem) {
        try {
            String body = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new TokenMint(key, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    /** The public key as PEM, for mp.jwt.verify.publickey. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The private key as PKCS#8 PEM, for {@link #fromPem}: a test JVM hands its mint to tests in another class loader. */
    public String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A token for a role; unit staff (unit, reviewer) name their unit. */
    public String mint(String subject, String role, String unit, Duration validFor) {
        return mint(subject, role, unit, Instant.now(), validFor);
    }

    public String mint(String subject, String role, String unit, Instant issuedAt, Duration validFor) {
        StringBuilder claims = new StringBuilder("{\"iss\":\"").append(ISSUER).append("\",\"sub\":\"").append(json(subject))
                .append("\",\"upn\":\"").append(json(subject))
                .append("\",\"groups\":[\"").append(json(role)).append("\"]")
                .append(",\"iat\":").append(issuedAt.getEpochSecond())
                .append(",\"exp\":").append(issuedAt.plus(validFor).getEpochSecond());
        if (unit != null && !unit.isBlank()) {
            claims.append(",\"unit\":\"").append(json(unit)).append('"');
        }
        claims.append('}');
        return sign(claims.toString());
    }

    /** A token carrying exactly these claims (a JSON object), signed with this mint's key: tests try odd shapes with it. */
    public String sign(String claimsJson) {
        String signingInput = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
