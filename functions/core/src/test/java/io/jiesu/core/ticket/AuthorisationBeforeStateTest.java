package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A unit that may not act on a ticket (a co-unit, another unit) is refused as NOT_ASSIGNED whatever the ticket's
 * state: the refusal tells it nothing about where the ticket stands. Each step is tried in a state it does not allow.
 */
class AuthorisationBeforeStateTest {

    @Test
    void aCoUnitOrAnotherUnitIsRefusedAsNotAssignedBeforeTheStateIsChecked() {
        Map<String, Function<Actor, Runnable>> steps = Map.of(
                "sign a signed ticket", a -> () -> signed().sign(SIGNED_AT, a, DEADLINES),
                "return a dispatched ticket", a -> () -> dispatched().returnToCentre("不属于本单位职责", SIGNED_AT, a),
                "record a contact on a dispatched ticket", a -> () -> dispatched().recordContact(ContactKind.FIRST, null, SIGNED_AT, a),
                "reply to a dispatched ticket", a -> () -> dispatched().reply(solvedReply(), REPLIED_AT, a),
                "extend a replied ticket", a -> () -> replied().requestExtension(1, "需协调", REPLIED_AT, a, DEADLINES));
        for (var step : steps.entrySet()) {
            for (Actor unit : List.of(CO_STAFF, OTHER_UNIT_STAFF)) {
                Refusal refusal = refused(() -> step.getValue().apply(unit).run());
                assertEquals(Refusal.Reason.NOT_YOUR_TICKET, refusal.reason(), unit.unitId() + ": " + step.getKey()
                        + " -> " + refusal.getMessage());
            }
        }
    }
}
