package io.jiesu.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.api.validation.ParamLimits;
import io.jiesu.core.ticket.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * The claims the api acts on have the shape it expects, or the token is not accepted (401), whoever signed it:
 * "sub" a non-blank string, "groups" a list of strings, "unit" (unit staff must carry one) a unit id. A claim of
 * another type (a list, a number, an object, empty) is refused here, once, where who is calling is settled, so no
 * endpoint meets it later as a ClassCastException (500).
 */
@ApplicationScoped
public class TokenClaims implements SecurityIdentityAugmentor {
    private static final Logger LOG = Logger.getLogger(TokenClaims.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNIT_STAFF = List.of(Role.UNIT.code(), Role.REVIEWER.code());

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            String refusal = refusal(jwt.getRawToken());
            if (refusal != null) {
                LOG.warnf("bearer token refused: %s", refusal);
                return Uni.createFrom().failure(new AuthenticationFailedException(refusal));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why the token's claims cannot be acted on, or null when they can. */
    static String refusal(String rawToken) {
        JsonNode claims;
        try {
            String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.");
            claims = parts.length < 2 ? null : JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            claims = null;
        }
        if (claims == null || !claims.isObject()) {
            return "the token's claims are not a JSON object";
        }
        JsonNode sub = claims.get("sub");
        if (sub == null || !sub.isTextual() || sub.asText().isBlank()) {
            return "sub must be a non-blank string";
        }
        JsonNode groups = claims.get("groups");
        if (groups == null || !groups.isArray()) {
            return "groups must be a list of roles";
        }
        for (JsonNode g : groups) {
            if (!g.isTextual()) {
                return "groups must hold only strings";
            }
        }
        JsonNode unit = claims.get(Caller.UNIT_CLAIM);
        if (unit != null && !unit.isNull()
                && (!unit.isTextual() || !ParamLimits.UNIT_ID.matcher(unit.asText()).matches())) {
            return "unit must be a unit id";
        }
        boolean unitStaff = false;
        for (JsonNode g : groups) {
            unitStaff |= UNIT_STAFF.contains(g.asText());
        }
        if (unitStaff && (unit == null || unit.isNull())) {
            return "unit staff carry their unit";
        }
        return null;
    }
}
