package io.jiesu.core.notice;

import io.jiesu.core.Refusal;
import io.jiesu.core.ticket.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static io.jiesu.core.notice.NoticeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Who writes, publishes, changes, withdraws and reads a notice, and the statuses it moves through. */
class NoticeRulesTest {

    @Test
    void unitStaffDraftInTheirOwnUnitsNameWithTheStreetsNameFromTheCatalogue() {
        Notice n = drafted();
        assertEquals(NoticeStatus.DRAFT, n.status());
        assertEquals("water-authority", n.unit());
        assertEquals(1, n.version());
        assertEquals("staff-liu", n.createdBy());
        assertEquals("和平里街道办事处", n.areas().get(0).streetName());
    }

    @Test
    void unitStaffMayNotWriteInAnotherUnitsName() {
        NoticeDraft forPower = withUnit(waterCutInHepingli(), "power-company");
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.draft("N1", forPower, CATALOGUE, MONDAY_9, WATER_STAFF));
    }

    @Test
    void theCentreWritesInTheNameOfTheUnitItNamesWhichMustBeInTheCatalogue() {
        Notice n = NoticeRules.draft("N1", withUnit(waterCutInHepingli(), "water-authority"), CATALOGUE, MONDAY_9, DISPATCHER);
        assertEquals("water-authority", n.unit());
        refused(Refusal.Reason.INVALID, "unit", () -> NoticeRules.draft("N1", waterCutInHepingli(), CATALOGUE, MONDAY_9, DISPATCHER));
        refused(Refusal.Reason.INVALID, "unit",
                () -> NoticeRules.draft("N1", withUnit(waterCutInHepingli(), "gas-company"), CATALOGUE, MONDAY_9, ADMIN));
    }

    @Test
    void agentsSupervisorsAndCitizensWriteNoNotices() {
        for (Actor a : List.of(AGENT, SUPERVISOR, CITIZEN)) {
            refused(Refusal.Reason.NOT_YOUR_NOTICE, null,
                    () -> NoticeRules.draft("N1", withUnit(waterCutInHepingli(), "water-authority"), CATALOGUE, MONDAY_9, a));
        }
    }

    @Test
    void aNoticeSaysWhatWhereAndForWhen() {
        NoticeDraft d = waterCutInHepingli();
        refused("kind", new NoticeDraft(null, d.title(), d.text(), d.areas(), d.keywords(), d.from(), d.to(), null));
        refused("title", new NoticeDraft(d.kind(), " ", d.text(), d.areas(), d.keywords(), d.from(), d.to(), null));
        refused("text", new NoticeDraft(d.kind(), d.title(), null, d.areas(), d.keywords(), d.from(), d.to(), null));
        refused("from", new NoticeDraft(d.kind(), d.title(), d.text(), d.areas(), d.keywords(), null, d.to(), null));
        refused("to", new NoticeDraft(d.kind(), d.title(), d.text(), d.areas(), d.keywords(), d.from(), null, null));
        refused("to", new NoticeDraft(d.kind(), d.title(), d.text(), d.areas(), d.keywords(), d.to(), d.from(), null));
        refused("areas", waterCut(List.of()));
        refused("areas[1]", waterCut(List.of(NoticeArea.community("和平里社区"), new NoticeArea(" ", null, null, ""))));
        refused("areas[0].street", waterCut(List.of(NoticeArea.street("no-such-street", null))));
    }

    @Test
    void onlyTheUnitsReviewerOrTheCentrePublishesNotAnyOfItsStaff() {
        Notice draft = drafted();
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.publish(draft, MONDAY_9, WATER_STAFF));
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.publish(draft, MONDAY_9, POWER_HEAD));
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.publish(draft, MONDAY_9, SUPERVISOR));
        for (Actor a : List.of(WATER_HEAD, DISPATCHER, ADMIN)) {
            Notice p = NoticeRules.publish(draft, MONDAY_9, a);
            assertEquals(NoticeStatus.PUBLISHED, p.status());
            assertEquals(MONDAY_9, p.publishedAt());
            assertEquals(a.id(), p.publishedBy());
            assertEquals(2, p.version());
        }
    }

    @Test
    void aNoticeIsPublishedAheadOfItsStartAndIsUpcomingTillThen() {
        Notice p = published();
        assertTrue(p.upcomingAt(MONDAY_9.plusSeconds(3600)));
        assertFalse(p.inForceAt(MONDAY_9.plusSeconds(3600)));
        assertTrue(p.inForceAt(TUESDAY_12));
        assertFalse(p.upcomingAt(TUESDAY_12));
        assertEquals(NoticeStatus.PUBLISHED, p.statusAt(TUESDAY_12));
    }

    @Test
    void aPublishedNoticeHasEndedOnceItsEndHasPassedAndIsNoLongerInForce() {
        Notice p = published();
        assertEquals(NoticeStatus.ENDED, p.statusAt(TUESDAY_18));
        assertFalse(p.inForceAt(TUESDAY_18));
        assertEquals(NoticeStatus.PUBLISHED, p.status(), "ended is the clock's, never stored");
    }

    @Test
    void aNoticeIsPublishedOnceAndNotAfterItsEnd() {
        Notice p = published();
        refused(Refusal.Reason.WRONG_STATUS, null, () -> NoticeRules.publish(p, TUESDAY_8, WATER_HEAD));
        refused(Refusal.Reason.WRONG_STATUS, null, () -> NoticeRules.publish(drafted(), TUESDAY_18, WATER_HEAD));
    }

    @Test
    void aDraftIsChangedByItsUnitButAPublishedNoticeOnlyByItsReviewerOrTheCentre() {
        NoticeDraft longer = new NoticeDraft(NoticeKind.WATER, "和平里地区停水通知（延长）", "抢修延长至22:00。",
                waterCutInHepingli().areas(), List.of(), TUESDAY_8, TUESDAY_18.plusSeconds(4 * 3600), null);
        Notice changedDraft = NoticeRules.update(drafted(), longer, CATALOGUE, MONDAY_9, WATER_STAFF);
        assertEquals(TUESDAY_18.plusSeconds(4 * 3600), changedDraft.to());
        assertEquals(2, changedDraft.version());
        assertEquals(NoticeStatus.DRAFT, changedDraft.status());

        Notice p = published();
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.update(p, longer, CATALOGUE, TUESDAY_12, WATER_STAFF));
        Notice extended = NoticeRules.update(p, longer, CATALOGUE, TUESDAY_12, WATER_HEAD);
        assertEquals(NoticeStatus.PUBLISHED, extended.status());
        assertEquals("和平里地区停水通知（延长）", extended.title());
        assertEquals(p.publishedAt(), extended.publishedAt());
    }

    @Test
    void anotherUnitChangesNothingAndLearnsNothingOfTheNoticesStatus() {
        Notice withdrawn = NoticeRules.withdraw(published(), "取消", MONDAY_9, WATER_HEAD);
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null,
                () -> NoticeRules.update(withdrawn, waterCutInHepingli(), CATALOGUE, MONDAY_9, POWER_STAFF));
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.withdraw(withdrawn, null, MONDAY_9, POWER_HEAD));
    }

    @Test
    void thePublishingUnitNeverChangesAndAPublishedNoticeIsNotMadeToEndInThePast() {
        refused(Refusal.Reason.INVALID, "unit",
                () -> NoticeRules.update(drafted(), withUnit(waterCutInHepingli(), "power-company"), CATALOGUE, MONDAY_9, DISPATCHER));
        NoticeDraft endsAtNoon = new NoticeDraft(NoticeKind.WATER, "停水", "停水", waterCutInHepingli().areas(), List.of(),
                TUESDAY_8, TUESDAY_12, null);
        refused(Refusal.Reason.INVALID, "to",
                () -> NoticeRules.update(published(), endsAtNoon, CATALOGUE, TUESDAY_12.plusSeconds(60), WATER_HEAD));
    }

    @Test
    void aWithdrawnOrEndedNoticeIsNotChangedOrWithdrawnAgain() {
        Notice withdrawn = NoticeRules.withdraw(published(), "管线维修取消", TUESDAY_8, WATER_HEAD);
        assertEquals(NoticeStatus.WITHDRAWN, withdrawn.status());
        assertEquals("管线维修取消", withdrawn.withdrawReason());
        assertFalse(withdrawn.inForceAt(TUESDAY_12), "a withdrawn notice is in force no more");
        refused(Refusal.Reason.WRONG_STATUS, null, () -> NoticeRules.withdraw(withdrawn, null, TUESDAY_12, WATER_HEAD));
        refused(Refusal.Reason.WRONG_STATUS, null,
                () -> NoticeRules.update(withdrawn, waterCutInHepingli(), CATALOGUE, TUESDAY_12, WATER_HEAD));
        refused(Refusal.Reason.WRONG_STATUS, null, () -> NoticeRules.withdraw(published(), null, TUESDAY_18, DISPATCHER));
        refused(Refusal.Reason.WRONG_STATUS, null,
                () -> NoticeRules.update(published(), waterCutInHepingli(), CATALOGUE, TUESDAY_18, DISPATCHER));
    }

    @Test
    void aDraftMayBeDroppedByWithdrawingIt() {
        assertEquals(NoticeStatus.WITHDRAWN, NoticeRules.withdraw(drafted(), null, MONDAY_9, DISPATCHER).status());
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.withdraw(drafted(), null, MONDAY_9, WATER_STAFF));
    }

    @Test
    void aDraftIsReadByItsUnitAndTheCentreAPublishedNoticeByAllStaffAndNeitherByCitizensHere() {
        Notice draft = drafted();
        for (Actor a : List.of(WATER_STAFF, WATER_HEAD, DISPATCHER, SUPERVISOR, ADMIN)) {
            assertTrue(NoticeRules.mayRead(draft, a), a + " reads the draft");
        }
        for (Actor a : List.of(AGENT, POWER_STAFF, POWER_HEAD, CITIZEN)) {
            assertFalse(NoticeRules.mayRead(draft, a), a + " does not read the draft");
        }
        Notice p = published();
        for (Actor a : List.of(AGENT, POWER_STAFF, POWER_HEAD, WATER_STAFF, DISPATCHER, SUPERVISOR, ADMIN)) {
            assertTrue(NoticeRules.mayRead(p, a), a + " reads the published notice");
        }
        assertFalse(NoticeRules.mayRead(p, CITIZEN), "citizens read the public view, not the notice as staff see it");
        refused(Refusal.Reason.NOT_YOUR_NOTICE, null, () -> NoticeRules.requireMayRead(draft, AGENT));
    }

    private static NoticeDraft withUnit(NoticeDraft d, String unit) {
        return new NoticeDraft(d.kind(), d.title(), d.text(), d.areas(), d.keywords(), d.from(), d.to(), unit);
    }

    private static void refused(String field, NoticeDraft d) {
        refused(Refusal.Reason.INVALID, field, () -> NoticeRules.draft("N1", d, CATALOGUE, MONDAY_9, WATER_STAFF));
    }

    private static void refused(Refusal.Reason reason, String field, Executable step) {
        Refusal r = assertThrows(Refusal.class, step);
        assertEquals(reason, r.reason(), r.getMessage());
        assertEquals(field, r.field(), r.getMessage());
    }
}
