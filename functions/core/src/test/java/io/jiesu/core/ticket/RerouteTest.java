package io.jiesu.core.ticket;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A returned ticket is routed again; one that keeps bouncing goes to joint review (联席研判). */
class RerouteTest {

    private static final String WATER = "water-authority";
    private static final Actor WATER_STAFF = new Actor("staff-qian", Role.UNIT, WATER);
    private static final Actor RETURN_STAGE = Actor.system("return-stage");

    private static Ticket returnedOnce() {
        return signed().returnToCentre("不属于本单位职责", at("2026-03-09T11:00"), LEAD_STAFF).after();
    }

    private static Ticket returnedTwice() {
        return returnedOnce()
                .reroute(POLICY.returnsBeforeJointReview(), at("2026-03-09T11:01"), RETURN_STAGE).after()
                .dispatch(WATER, List.of(), at("2026-03-09T11:02"), DISPATCHER, DEADLINES).after()
                .sign(at("2026-03-09T11:30"), WATER_STAFF, DEADLINES).after()
                .returnToCentre("非供水问题", at("2026-03-09T14:00"), WATER_STAFF).after();
    }

    @Test
    void theDefaultPolicySendsATicketToJointReviewOnItsSecondReturn() {
        assertEquals(2, POLICY.returnsBeforeJointReview());
    }

    @Test
    void afterTheFirstReturnTheTicketIsReceivedAgainWithNoLeadUnit() {
        Transition t = returnedOnce().reroute(POLICY.returnsBeforeJointReview(), at("2026-03-09T11:01"), RETURN_STAGE);

        assertEquals(TicketState.RECEIVED, t.after().state());
        assertNull(t.after().leadUnit());
        assertEquals(List.of(), t.after().coUnits());
        assertNull(t.after().signDueAt());
        assertNull(t.after().replyDueAt());
        assertEquals(List.of(LEAD), t.after().returnedBy());
        assertEquals(EventType.SENT_FOR_REROUTING, t.event().type());
        assertEquals(LEAD, t.event().detail().get("excludedUnits"));
        assertEquals(RETURN_STAGE, t.event().actor());
    }

    @Test
    void aReroutedTicketIsDueForDispatchByItsOriginalDispatchDeadline() {
        Ticket rerouted = returnedOnce()
                .reroute(POLICY.returnsBeforeJointReview(), at("2026-03-09T11:01"), RETURN_STAGE).after();

        assertEquals(at("2026-03-09T17:30"), rerouted.currentDue());
    }

    @Test
    void whenReturnsReachThePolicyLimitTheTicketGoesToJointReview() {
        Ticket returned = returnedTwice();
        assertEquals(List.of(LEAD, WATER), returned.returnedBy());

        Transition t = returned.reroute(POLICY.returnsBeforeJointReview(), at("2026-03-09T14:01"), RETURN_STAGE);

        assertEquals(TicketState.JOINT_REVIEW, t.after().state());
        assertNull(t.after().leadUnit());
        assertTrue(t.after().assignedUnits().isEmpty());
        assertEquals(EventType.SENT_TO_JOINT_REVIEW, t.event().type());
        assertEquals("2", t.event().detail().get("returns"));
    }

    @Test
    void aDeploymentAllowingMoreReturnsReroutesTheSecondReturnInstead() {
        Ticket rerouted = returnedTwice().reroute(3, at("2026-03-09T14:01"), RETURN_STAGE).after();

        assertEquals(TicketState.RECEIVED, rerouted.state());
        assertEquals(List.of(LEAD, WATER), rerouted.returnedBy());
    }

    @Test
    void theCentreNamesTheLeadUnitFromJointReview() {
        Ticket review = returnedTwice()
                .reroute(POLICY.returnsBeforeJointReview(), at("2026-03-09T14:01"), RETURN_STAGE).after();

        Ticket dispatched = review.dispatch("street-office-east", List.of(LEAD), at("2026-03-09T16:00"), DISPATCHER,
                DEADLINES).after();

        assertEquals(TicketState.DISPATCHED, dispatched.state());
        assertEquals(List.of("street-office-east", LEAD), dispatched.assignedUnits());
    }
}
