package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.localcloud.tokens.TokenMint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local identity provider holds the console to what a city's provider would: code flow with PKCE (S256) only,
 * a code spent once, and no tokens for a verifier that does not match the challenge. Its tokens are what the api
 * accepts (issuer, audience = the console's client id, roles in groups), signed by the key its JWKS publishes.
 */
class OidcProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String REDIRECT = "http://127.0.0.1:5173/";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static TokenServer server;

    @BeforeAll
    static void start() {
        server = new TokenServer(TokenMint.generate(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDiscoveryDocumentNamesTheEndpointsAndOnlyS256() throws Exception {
        JsonNode doc = JSON.readTree(get("/.well-known/openid-configuration").body());
        assertEquals(TokenMint.ISSUER, doc.path("issuer").asText());
        assertEquals(server.oidc() + "/token", doc.path("token_endpoint").asText());
        assertEquals("[\"S256\"]", doc.path("code_challenge_methods_supported").toString());
        assertTrue(doc.path("end_session_endpoint").asText().endsWith("/oidc/logout"));
    }

    @Test
    void anAuthorizationRequestWithoutAnS256ChallengeGetsNoCode() throws Exception {
        String plain = location(authorize("agent", null, "plain", Map.of("code_challenge", VERIFIER)));
        assertTrue(plain.startsWith(REDIRECT + "?error=invalid_request"), plain);
        String none = location(get("/authorize?" + form(Map.of("response_type", "code", "client_id", OidcProvider.CLIENT_ID,
                "redirect_uri", REDIRECT, "scope", "openid", "state", "s1", "role", "agent"))));
        assertTrue(none.startsWith(REDIRECT + "?error=invalid_request"), none);
    }

    @Test
    void anUnknownClientOrAFarRedirectIsRefusedOnThePageNotSentAnywhere() throws Exception {
        HttpResponse<String> far = get("/authorize?" + form(Map.of("response_type", "code", "client_id", OidcProvider.CLIENT_ID,
                "redirect_uri", "https://evil.example/", "scope", "openid", "code_challenge", challenge(VERIFIER),
                "code_challenge_method", "S256", "role", "admin")));
        assertEquals(400, far.statusCode());
        assertTrue(far.headers().firstValue("Location").isEmpty());
    }

    @Test
    void theTokenEndpointRefusesAVerifierThatDoesNotMatchTheChallenge() throws Exception {
        String code = codeFrom(location(authorize("dispatcher", null, "S256", Map.of("code_challenge", challenge(VERIFIER)))));
        HttpResponse<String> wrong = exchange(code, VERIFIER.replace('d', 'e'));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals("invalid_grant", JSON.readTree(wrong.body()).path("error").asText());
        assertTrue(wrong.body().contains("code_verifier"), wrong.body());
        assertFalse(wrong.body().contains("access_token"));
        // the code was spent by the failed attempt: the right verifier is too late for it
        assertEquals(400, exchange(code, VERIFIER).statusCode());
    }

    @Test
    void theRightVerifierGetsTokensTheApiAcceptsOnce() throws Exception {
        String code = codeFrom(location(authorize("unit", "heating-company", "S256",
                Map.of("code_challenge", challenge(VERIFIER), "nonce", "n-42"))));
        HttpResponse<String> answer = exchange(code, VERIFIER);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode tokens = JSON.readTree(answer.body());
        for (String name : new String[] {"access_token", "id_token"}) {
            String token = tokens.path(name).asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertEquals(TokenMint.ISSUER, claims.path("iss").asText(), name);
            assertEquals(OidcProvider.CLIENT_ID, claims.path("aud").asText(), name);
            assertEquals("[\"unit\"]", claims.path("groups").toString(), name);
            assertEquals("heating-company", claims.path("unit").asText(), name);
            assertTrue(signedByTheJwksKey(token), name + " is signed by the key the JWKS publishes");
        }
        assertEquals("n-42", JSON.readTree(Base64.getUrlDecoder().decode(tokens.path("id_token").asText().split("\\.")[1]))
                .path("nonce").asText());
        assertEquals(400, exchange(code, VERIFIER).statusCode(), "a code is good for one exchange");
    }

    private static HttpResponse<String> authorize(String role, String unit, String method, Map<String, String> more) throws Exception {
        Map<String, String> q = new java.util.LinkedHashMap<>(Map.of("response_type", "code", "client_id", OidcProvider.CLIENT_ID,
                "redirect_uri", REDIRECT, "scope", "openid profile", "state", "s1", "code_challenge_method", method, "role", role));
        if (unit != null) {
            q.put("unit", unit);
        }
        q.putAll(more);
        return get("/authorize?" + form(q));
    }

    private static HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.oidc() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", REDIRECT, "client_id", OidcProvider.CLIENT_ID, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.oidc() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String codeFrom(String location) {
        assertTrue(location.startsWith(REDIRECT + "?code="), location);
        return location.substring((REDIRECT + "?code=").length()).split("&")[0];
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean signedByTheJwksKey(String token) throws Exception {
        JsonNode key = JSON.readTree(get("/jwks").body()).path("keys").get(0);
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
