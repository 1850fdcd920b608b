package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reply answers what was asked, names its handler and the handler's phone (谁办理谁负责), is approved by
 * the unit's reviewer, cites the policy basis when the request cannot be met, and comes after the first
 * contact with the citizen.
 */
class ReplyRulesTest {

    private static final String RESULT = "经核查，该小区不在集中供热范围内";
    private static final String BASIS = "《城市供热管理条例》第十二条";

    private static void assertInvalid(Reply reply, String field) {
        Ticket contacted = contacted();
        Refusal refusal = refused(() -> contacted.reply(reply, REPLIED_AT, LEAD_STAFF));
        assertEquals(Refusal.Reason.INVALID, refusal.reason(), refusal.getMessage());
        assertEquals(field, refusal.field(), refusal.getMessage());
    }

    @Test
    void aCompleteReplyAfterTheFirstContactIsAccepted() {
        Reply explained = new Reply(RESULT, Outcome.EXPLAINED, BASIS, "赵师傅", "010-12345678", "李科长");
        Transition t = contacted().reply(explained, REPLIED_AT, LEAD_STAFF);

        assertEquals(TicketState.REPLIED, t.after().state());
        assertEquals(explained, t.after().reply());
        assertEquals("explained", t.event().detail().get("outcome"));
    }

    @Test
    void anEmptyResultIsInvalidOnTheResultField() {
        assertInvalid(new Reply("", Outcome.SOLVED, null, "赵师傅", "010-12345678", "李科长"), "result");
        assertInvalid(new Reply("  ", Outcome.SOLVED, null, "赵师傅", "010-12345678", "李科长"), "result");
        assertInvalid(new Reply(null, Outcome.SOLVED, null, "赵师傅", "010-12345678", "李科长"), "result");
    }

    @Test
    void aReplyWithoutAnOutcomeIsInvalidOnTheOutcomeField() {
        assertInvalid(new Reply(RESULT, null, null, "赵师傅", "010-12345678", "李科长"), "outcome");
    }

    @Test
    void aReplyWithoutTheHandlersNameIsInvalidOnTheHandlerNameField() {
        assertInvalid(new Reply(RESULT, Outcome.SOLVED, null, null, "010-12345678", "李科长"), "handlerName");
        assertInvalid(new Reply(RESULT, Outcome.SOLVED, null, " ", "010-12345678", "李科长"), "handlerName");
    }

    @Test
    void aReplyWithoutTheHandlersPhoneIsInvalidOnTheHandlerPhoneField() {
        assertInvalid(new Reply(RESULT, Outcome.SOLVED, null, "赵师傅", null, "李科长"), "handlerPhone");
        assertInvalid(new Reply(RESULT, Outcome.SOLVED, null, "赵师傅", "", "李科长"), "handlerPhone");
    }

    @Test
    void aReplyWithoutAReviewerIsInvalidOnTheReviewerField() {
        assertInvalid(new Reply(RESULT, Outcome.SOLVED, null, "赵师傅", "010-12345678", null), "reviewer");
        assertInvalid(new Reply(RESULT, Outcome.SOLVED, null, "赵师傅", "010-12345678", ""), "reviewer");
    }

    @Test
    void anExplainedReplyWithoutAPolicyBasisIsInvalidOnThePolicyBasisField() {
        assertInvalid(new Reply(RESULT, Outcome.EXPLAINED, null, "赵师傅", "010-12345678", "李科长"), "policyBasis");
        assertInvalid(new Reply(RESULT, Outcome.EXPLAINED, "  ", "赵师傅", "010-12345678", "李科长"), "policyBasis");
    }

    @Test
    void aSolvedReplyNeedsNoPolicyBasis() {
        Reply solved = new Reply(RESULT, Outcome.SOLVED, null, "赵师傅", "010-12345678", "李科长");
        assertEquals(TicketState.REPLIED, contacted().reply(solved, REPLIED_AT, LEAD_STAFF).after().state());
    }

    @Test
    void aReplyBeforeTheFirstContactWithTheCitizenIsInvalidOnTheContactsField() {
        Ticket signed = signed();
        Refusal refusal = refused(() -> signed.reply(solvedReply(), REPLIED_AT, LEAD_STAFF));

        assertEquals(Refusal.Reason.INVALID, refusal.reason());
        assertEquals("contacts", refusal.field());
    }

    @Test
    void aResultContactDoesNotStandInForTheFirstContact() {
        Ticket onlyResult = signed()
                .recordContact(ContactKind.RESULT, null, at("2026-03-11T15:00"), LEAD_STAFF).after();
        Refusal refusal = refused(() -> onlyResult.reply(solvedReply(), REPLIED_AT, LEAD_STAFF));

        assertEquals("contacts", refusal.field());
    }

    @Test
    void onlyTheLeadUnitMayReply() {
        Ticket contacted = contacted();
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET,
                refused(() -> contacted.reply(solvedReply(), REPLIED_AT, CO_STAFF)).reason());
    }
}
