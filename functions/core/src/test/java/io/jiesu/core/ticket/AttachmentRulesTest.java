package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.attachment.AttachmentPurpose;
import io.jiesu.core.attachment.AttachmentRules;
import org.junit.jupiter.api.Test;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Who attaches a photo or PDF at which step, and what a file may be. */
class AttachmentRulesTest {
    private static final AttachmentRules RULES = new AttachmentRules(10L * 1024 * 1024);
    private static final Actor LEAD_REVIEWER = new Actor("reviewer-zhao", Role.REVIEWER, LEAD);
    private static final Actor CITIZEN = new Actor("citizen-1", Role.CITIZEN, null);

    @Test
    void photosAndPdfsUpToTheLimitOnly() {
        assertEquals("image/heic", RULES.checkFile(" Image/HEIC ", 1));
        assertEquals("application/pdf", RULES.checkFile("application/pdf", 10L * 1024 * 1024));
        assertEquals("contentType", assertThrows(Refusal.class, () -> RULES.checkFile("image/svg+xml", 1)).field());
        assertEquals("contentType", assertThrows(Refusal.class, () -> RULES.checkFile("image/jpeg; x=1", 1)).field());
        Refusal tooLarge = assertThrows(Refusal.class, () -> RULES.checkFile("image/png", 10L * 1024 * 1024 + 1));
        assertEquals("size", tooLarge.field());
        assertEquals(Refusal.Reason.INVALID, tooLarge.reason());
    }

    @Test
    void theAgentOrCitizenAttachAtIntakeWhileTheTicketIsOpen() {
        RULES.checkStep(AttachmentPurpose.INTAKE, dispatched(), AGENT);
        RULES.checkStep(AttachmentPurpose.INTAKE, signed(), CITIZEN);
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.INTAKE, signed(), LEAD_STAFF)).reason());
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.INTAKE, signed(), DISPATCHER)).reason());
    }

    @Test
    void theLeadUnitAttachesWithItsContactsAndItsReviewerWithTheReplyOnceSigned() {
        RULES.checkStep(AttachmentPurpose.CONTACT, signed(), LEAD_STAFF);
        RULES.checkStep(AttachmentPurpose.CONTACT, signed(), LEAD_REVIEWER);
        RULES.checkStep(AttachmentPurpose.REPLY, signed(), LEAD_REVIEWER);
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.REPLY, signed(), LEAD_STAFF)).reason());
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.CONTACT, signed(), CO_STAFF)).reason());
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.CONTACT, signed(), AGENT)).reason());
        // not yet signed: a wrong state, told only to the unit that could act
        assertEquals(Refusal.Reason.WRONG_STATE, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.CONTACT, dispatched(), LEAD_STAFF)).reason());
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, assertThrows(Refusal.class,
                () -> RULES.checkStep(AttachmentPurpose.CONTACT, dispatched(), CO_STAFF)).reason());
    }
}
