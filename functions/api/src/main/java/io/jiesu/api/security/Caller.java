package io.jiesu.api.security;

import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Ticket;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;

/** Who is calling, from the bearer token: the role acted in, and for unit staff their unit. */
@RequestScoped
public class Caller {
    public static final String UNIT_CLAIM = "unit";

    @Inject
    JsonWebToken jwt;

    public Actor actor() {
        return new Actor(jwt.getSubject(), role(), jwt.<String>getClaim(UNIT_CLAIM));
    }

    /** The caller's one role: a token with several is refused, so no check can be passed in one role and acted in another. */
    public Role role() {
        Role found = null;
        for (Role r : Role.values()) {
            if (jwt.getGroups().contains(r.code())) {
                if (found != null) {
                    throw new ForbiddenException("the token carries more than one Jiesu role; use one token per role");
                }
                found = r;
            }
        }
        if (found == null || found == Role.SYSTEM || found == Role.PROVINCE) {
            throw new ForbiddenException("the token carries no Jiesu role");
        }
        return found;
    }

    public boolean isUnitStaff() {
        Role r = role();
        return r == Role.UNIT || r == Role.REVIEWER;
    }

    public String unitId() {
        return jwt.getClaim(UNIT_CLAIM);
    }

    /** Unit staff see and act on only the tickets their unit holds. */
    public void requireMayRead(Ticket t) {
        // a unit reads what it holds now, and what it handled to the end (its record); not what it returned
        boolean handledToTheEnd = t.state() == io.jiesu.core.ticket.TicketState.CLOSED && unitId() != null
                && unitId().equals(t.leadUnit());
        if (isUnitStaff() && !t.assignedTo(unitId()) && !handledToTheEnd) {
            throw new ForbiddenException("this ticket is not held by your unit");
        }
        if (role() == Role.CITIZEN && !jwt.getSubject().equals(t.filedBy())) {
            throw new ForbiddenException("citizens see only their own tickets");
        }
    }

    /** Whether this caller must contact the citizen, and so may see name and phone in full. */
    public boolean maySeeCitizen(Ticket t) {
        return switch (role()) {
            case AGENT -> true;
            // only the lead unit contacts the citizen; co-units see the ticket masked
            case UNIT, REVIEWER -> t.assignedTo(unitId()) && unitId().equals(t.leadUnit());
            case CITIZEN -> jwt.getSubject().equals(t.filedBy());
            default -> false;
        };
    }

    public void requireOwnUnit(String unitId) {
        if (isUnitStaff() && !unitId.equals(unitId())) {
            throw new ForbiddenException("unit staff see only their own unit's inbox");
        }
    }
}
