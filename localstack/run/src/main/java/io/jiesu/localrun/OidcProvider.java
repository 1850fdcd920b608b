package io.jiesu.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.tokens.TokenMint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The local run's stand-in for a city's identity provider, under /oidc on the token server: OpenID Connect
 * authorization code flow with PKCE, as the deployed console uses against the real one. The "sign-in" page picks a
 * role instead of asking a password; everything else is checked as a provider would: the client, the redirect URI,
 * an S256 code challenge (required), a one-time code that expires, and the verifier against the challenge. Tokens are
 * signed by the run's mint, so the api accepts them: issuer {@link TokenMint#ISSUER}, audience {@link #CLIENT_ID},
 * roles in "groups", unit staff's unit in "unit".
 */
final class OidcProvider {
    static final String CLIENT_ID = "jiesu-console";
    static final String PATH = "/oidc";
    private static final Set<String> ROLES = Set.of("citizen", "agent", "dispatcher", "unit", "reviewer",
            "supervisor", "admin");
    private static final Duration CODE_LIFE = Duration.ofMinutes(1);
    private static final Duration TOKEN_LIFE = Duration.ofHours(1);
    // RFC 7636 4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String role, String unit,
                         Instant issuedAt) {
    }

    private final TokenMint mint;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    OidcProvider(TokenMint mint, Clock clock) {
        this.mint = mint;
        this.clock = clock;
    }

    void register(HttpServer server) {
        server.createContext(PATH + "/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring(PATH.length());
                // the console on another port calls discovery and the token endpoint from the browser
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
                    exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Authorization, DPoP");
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                switch (path) {
                    case "/.well-known/openid-configuration" -> json(exchange, 200, discovery(base(exchange)));
                    case "/authorize" -> authorize(exchange);
                    case "/token" -> token(exchange);
                    case "/jwks" -> json(exchange, 200, jwks());
                    case "/logout" -> logout(exchange);
                    default -> text(exchange, 404, "no such endpoint\n");
                }
            }
        });
    }

    private static String base(HttpExchange exchange) {
        return "http://" + exchange.getRequestHeaders().getFirst("Host") + PATH;
    }

    private String discovery(String base) {
        return "{\"issuer\":\"" + TokenMint.ISSUER + "\",\"authorization_endpoint\":\"" + base + "/authorize\""
                + ",\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/jwks\""
                + ",\"end_session_endpoint\":\"" + base + "/logout\""
                + ",\"response_types_supported\":[\"code\"],\"grant_types_supported\":[\"authorization_code\"]"
                + ",\"code_challenge_methods_supported\":[\"S256\"],\"subject_types_supported\":[\"public\"]"
                + ",\"id_token_signing_alg_values_supported\":[\"RS256\"],\"scopes_supported\":[\"openid\",\"profile\"]"
                + ",\"token_endpoint_auth_methods_supported\":[\"none\"],\"claims_supported\":[\"sub\",\"groups\",\"unit\"]}";
    }

    /**
     * Without a role: the sign-in page (a role picker standing for the city's login form). With one: a code for
     * the redirect URI. Bad client or redirect URI is shown here, never sent to an unchecked address (RFC 6749 4.1.2.1).
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = TokenServer.query(exchange.getRequestURI().getRawQuery());
        String redirect = q.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            text(exchange, 400, "unknown client_id (the local provider knows " + CLIENT_ID + ")\n");
            return;
        }
        if (!local(redirect)) {
            text(exchange, 400, "redirect_uri must be on this machine (http://127.0.0.1 or http://localhost)\n");
            return;
        }
        String refusal = !"code".equals(q.get("response_type")) ? "unsupported_response_type"
                : !q.getOrDefault("scope", "").matches("(.* )?openid( .*)?") ? "invalid_scope"
                : !"S256".equals(q.get("code_challenge_method")) || !q.containsKey("code_challenge") ? "invalid_request"
                : "none".equals(q.get("prompt")) ? "login_required"
                : null;
        if (refusal != null) {
            // the error first, always: Map.of's order changes from one JVM to the next
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("error", refusal);
            answer.put("state", q.getOrDefault("state", ""));
            redirect(exchange, redirect, answer);
            return;
        }
        String role = q.get("role");
        if (role == null) {
            html(exchange, page(q));
            return;
        }
        String unit = q.getOrDefault("unit", "").strip();
        if (!ROLES.contains(role) || ((role.equals("unit") || role.equals("reviewer")) && unit.isEmpty())) {
            html(exchange, page(q));
            return;
        }
        String code = random(32);
        codes.put(code, new Grant(CLIENT_ID, redirect, q.get("code_challenge"), q.get("nonce"), role,
                unit.isEmpty() ? null : unit, clock.instant()));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("state", q.getOrDefault("state", ""));
        redirect(exchange, redirect, answer);
    }

    /** The code for tokens, once, by the client it was issued to, with the verifier whose S256 is the challenge. */
    private void token(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            json(exchange, 405, error("invalid_request", "POST the token request"));
            return;
        }
        Map<String, String> form;
        try (InputStream in = exchange.getRequestBody()) {
            form = TokenServer.query(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            json(exchange, 400, error("unsupported_grant_type", "only authorization_code"));
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        String refusal = grant == null ? "unknown or spent code"
                : grant.issuedAt().plus(CODE_LIFE).isBefore(clock.instant()) ? "the code has expired"
                : !grant.clientId().equals(form.get("client_id")) ? "the code was issued to another client"
                : !grant.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri differs from the authorization request's"
                : !pkceHolds(form.get("code_verifier"), grant.challenge()) ? "code_verifier does not match the code_challenge (S256)"
                : null;
        if (refusal != null) {
            json(exchange, 400, error("invalid_grant", refusal));
            return;
        }
        Instant now = clock.instant();
        String subject = grant.role() + "-oidc";
        String common = "\"iss\":\"" + TokenMint.ISSUER + "\",\"aud\":\"" + CLIENT_ID + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + grant.role() + "\"]"
                + (grant.unit() == null ? "" : ",\"unit\":\"" + jsonText(grant.unit()) + "\"")
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(TOKEN_LIFE).getEpochSecond();
        String access = mint.sign("{" + common + ",\"azp\":\"" + CLIENT_ID + "\"}");
        String id = mint.sign("{" + common + (grant.nonce() == null ? "" : ",\"nonce\":\"" + jsonText(grant.nonce()) + "\"") + "}");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(exchange, 200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id + "\",\"token_type\":\"Bearer\""
                + ",\"expires_in\":" + TOKEN_LIFE.toSeconds() + ",\"scope\":\"openid profile\"}");
    }

    /** RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge. */
    static boolean pkceHolds(String verifier, String challenge) {
        if (verifier == null || challenge == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(URL64.encode(hash), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        try {
            String body = mint.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + unsigned(key.getModulus())
                    + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return URL64.encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    /** The end of the session: back to the console, if it says where and that is on this machine. */
    private void logout(HttpExchange exchange) throws IOException {
        String to = TokenServer.query(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
        if (to != null && local(to)) {
            redirect(exchange, to, Map.of());
        } else {
            text(exchange, 200, "signed out\n");
        }
    }

    private static String page(Map<String, String> q) {
        StringBuilder hidden = new StringBuilder();
        q.forEach((k, v) -> {
            if (!k.equals("role") && !k.equals("unit")) {
                hidden.append("<input type=\"hidden\" name=\"").append(html(k)).append("\" value=\"").append(html(v)).append("\">");
            }
        });
        StringBuilder options = new StringBuilder();
        for (String r : new String[] {"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"}) {
            options.append("<option value=\"").append(r).append("\">").append(r).append("</option>");
        }
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>本地统一身份认证</title></head><body>"
                + "<h1>本地统一身份认证 (local identity provider)</h1><form method=\"get\" action=\"authorize\">" + hidden
                + "<label>角色 <select name=\"role\" data-test=\"idp-role\">" + options + "</select></label> "
                + "<label>单位 <input name=\"unit\" value=\"heating-company\" data-test=\"idp-unit\"></label> "
                + "<button type=\"submit\" data-test=\"idp-sign-in\">登录</button></form></body></html>";
    }

    private static boolean local(String uri) {
        try {
            URI u = URI.create(uri);
            return "http".equals(u.getScheme()) && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()))
                    && u.getRawQuery() == null && u.getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String random(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return URL64.encodeToString(b);
    }

    private static String error(String code, String description) {
        return "{\"error\":\"" + code + "\",\"error_description\":\"" + jsonText(description) + "\"}";
    }

    private static String jsonText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void redirect(HttpExchange exchange, String to, Map<String, String> params) throws IOException {
        StringBuilder location = new StringBuilder(to);
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            location.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void html(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", body);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
