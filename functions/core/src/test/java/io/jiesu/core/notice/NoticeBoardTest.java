package io.jiesu.core.notice;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jiesu.core.notice.NoticeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The notices on the agent's desk for a caller's place, and the notice a new ticket is about. */
class NoticeBoardTest {
    private static final NoticeArea HEPINGLI = new NoticeArea("hepingli-street", "和平里街道办事处", null, null);
    private static final NoticeArea ANDINGMEN = new NoticeArea("andingmen-street", "安定门街道办事处", null, null);

    private final Notice waterInHepingli = published("N-water", NoticeKind.WATER, List.of(HEPINGLI), TUESDAY_8, TUESDAY_18);
    private final Notice powerInAndingmen = published("N-power", NoticeKind.POWER, List.of(ANDINGMEN), TUESDAY_8.plusSeconds(3600), TUESDAY_18);
    private final Notice roadTomorrow = published("N-road", NoticeKind.ROAD_CLOSURE, List.of(NoticeArea.place("和平里北街")),
            TUESDAY_18.plusSeconds(3600), TUESDAY_18.plusSeconds(3 * 3600));
    private final Notice gasNextWeek = published("N-gas", NoticeKind.GAS, List.of(HEPINGLI), TUESDAY_8.plusSeconds(7 * 86400),
            TUESDAY_18.plusSeconds(7 * 86400));
    private final Notice draft = NoticeRules.draft("N-draft", waterCutInHepingli(), CATALOGUE, MONDAY_9, WATER_STAFF);
    private final NoticeBoard board = new NoticeBoard(List.of(powerInAndingmen, gasNextWeek, waterInHepingli, roadTomorrow, draft));

    @Test
    void theCallersAreaComesFirstThenTheRestOfTheDistrictByStart() {
        List<NoticeBoard.Shown> shown = board.forCaller(new CallerPlace("hepingli-street", null, null), TUESDAY_12, NoticeBoard.DEFAULT_AHEAD);
        assertEquals(List.of("N-water", "N-power", "N-road"), ids(shown));
        assertTrue(shown.get(0).matches());
        assertFalse(shown.get(1).matches());
    }

    @Test
    void upcomingNoticesWithinTheHorizonAreShownAndMarkedAsSuchLaterOnesAndDraftsAreNot() {
        List<NoticeBoard.Shown> shown = board.forCaller(CallerPlace.NOWHERE, TUESDAY_12, Duration.ofHours(24));
        NoticeBoard.Shown road = shown.stream().filter(s -> s.notice().id().equals("N-road")).findFirst().orElseThrow();
        assertTrue(road.upcoming());
        assertFalse(ids(shown).contains("N-gas"), "a week ahead is beyond the desk's horizon");
        assertFalse(ids(shown).contains("N-draft"), "a draft is not on the desk");
        assertEquals(List.of("N-water", "N-power"), ids(board.forCaller(CallerPlace.NOWHERE, TUESDAY_12, Duration.ZERO)));
    }

    @Test
    void endedAndWithdrawnNoticesLeaveTheDesk() {
        Notice withdrawn = NoticeRules.withdraw(waterInHepingli, null, TUESDAY_12, DISPATCHER);
        NoticeBoard after = new NoticeBoard(List.of(withdrawn, powerInAndingmen));
        assertEquals(List.of("N-power"), ids(after.forCaller(CallerPlace.NOWHERE, TUESDAY_12, Duration.ZERO)));
        assertEquals(List.of(), ids(after.forCaller(CallerPlace.NOWHERE, TUESDAY_18, Duration.ZERO)));
    }

    @Test
    void theCallersOwnWordsPlaceThemWhenTheStreetIsNotKnown() {
        List<NoticeBoard.Shown> shown = board.forCaller(new CallerPlace(null, null, "和平里 5号楼 停水了"), TUESDAY_12, Duration.ZERO);
        assertEquals("N-water", shown.get(0).notice().id());
        assertTrue(shown.get(0).matches(), "和平里 is how callers name 和平里街道");
    }

    @Test
    void aNarrowerAreaComesBeforeAWiderOneAndAnotherStreetIsNotMatchedByItsWords() {
        Notice compound = published("N-compound", NoticeKind.WATER, List.of(new NoticeArea("hepingli-street", null, null, "和平里5号楼")),
                TUESDAY_8.plusSeconds(1800), TUESDAY_18);
        NoticeBoard b = new NoticeBoard(List.of(waterInHepingli, compound));
        assertEquals(List.of("N-compound", "N-water"), ids(b.forCaller(new CallerPlace(null, null, "和平里5号楼"), TUESDAY_12, Duration.ZERO)));
        List<NoticeBoard.Shown> elsewhere = b.forCaller(new CallerPlace("andingmen-street", null, "和平里5号楼"), TUESDAY_12, Duration.ZERO);
        assertTrue(elsewhere.stream().noneMatch(NoticeBoard.Shown::matches), "a caller known to be in another street");
    }

    @Test
    void aCommunityMatchesByItsNameAsCallersSayIt() {
        NoticeArea area = NoticeArea.community("青年湖社区");
        assertTrue(area.covers(new CallerPlace(null, "青年湖社区", null)));
        assertTrue(area.covers(new CallerPlace(null, "青年湖", null)));
        assertTrue(area.covers(new CallerPlace(null, null, "青年湖小区3号楼没水")));
        assertFalse(area.covers(new CallerPlace(null, "和平里", "和平里北街")));
    }

    @Test
    void aTicketTakenInDuringANoticeInItsAreaAboutItsKindIsLinked() {
        assertEquals("N-water", board.linkFor("和平里5号楼", "家里从早上开始停水了", TUESDAY_12).map(Notice::id).orElse(null));
        assertEquals("N-water", board.linkFor(null, "和平里这边什么时候来水？", TUESDAY_12).map(Notice::id).orElse(null));
    }

    @Test
    void aTicketOutsideTheAreaOrTheTimeOrAboutSomethingElseIsNotLinked() {
        assertTrue(board.linkFor("安定门东大街1号", "停水了", TUESDAY_12).isEmpty(), "outside the area");
        assertTrue(board.linkFor("和平里5号楼", "停水了", MONDAY_9).isEmpty(), "before the cut");
        assertTrue(board.linkFor("和平里5号楼", "停水了", TUESDAY_18).isEmpty(), "after the cut");
        assertTrue(board.linkFor("和平里5号楼", "楼下夜间施工噪音扰民", TUESDAY_12).isEmpty(), "not about the water");
        assertTrue(new NoticeBoard(List.of(draft)).linkFor("和平里5号楼", "停水了", TUESDAY_12).isEmpty(), "a draft");
    }

    @Test
    void anOtherNoticeLinksByItsOwnKeywordsOnly() {
        NoticeDraft lift = new NoticeDraft(NoticeKind.OTHER, "电梯检修", "3号楼电梯停运", List.of(HEPINGLI), List.of("电梯"),
                TUESDAY_8, TUESDAY_18, "water-authority");
        Notice n = NoticeRules.publish(NoticeRules.draft("N-lift", lift, CATALOGUE, MONDAY_9, DISPATCHER), MONDAY_9, DISPATCHER);
        NoticeBoard b = new NoticeBoard(List.of(n));
        assertEquals("N-lift", b.linkFor("和平里3号楼", "电梯不能用了", TUESDAY_12).map(Notice::id).orElse(null));
        assertTrue(b.linkFor("和平里3号楼", "停水了", TUESDAY_12).isEmpty());
    }

    @Test
    void ofTwoNoticesTheNarrowerAreaWins() {
        Notice compound = published("N-compound", NoticeKind.WATER, List.of(NoticeArea.place("和平里5号楼")), TUESDAY_8, TUESDAY_18);
        NoticeBoard b = new NoticeBoard(List.of(waterInHepingli, compound));
        assertEquals("N-compound", b.linkFor("和平里5号楼", "停水", TUESDAY_12).map(Notice::id).orElse(null));
        assertEquals("N-water", b.linkFor("和平里7号楼", "停水", TUESDAY_12).map(Notice::id).orElse(null));
    }

    private static List<String> ids(List<NoticeBoard.Shown> shown) {
        return shown.stream().map(s -> s.notice().id()).toList();
    }
}
