package io.jiesu.aws.notice;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.search.Cursor;
import io.jiesu.core.notice.Notice;
import io.jiesu.core.notice.NoticeArea;
import io.jiesu.core.notice.NoticeKind;
import io.jiesu.core.notice.NoticeQuery;
import io.jiesu.core.notice.NoticeStatus;
import io.jiesu.core.notice.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The notice store against DynamoDB Local: versions, the notices not yet ended, and the lists by index. */
class NoticeStoreTest {
    /** Tuesday 2026-03-10 12:00 in Shanghai. */
    static final Instant NOON = Instant.parse("2026-03-10T04:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private NoticeStore store;

    @BeforeEach
    void freshTable() {
        store = new NoticeStore(Emulators.dynamo(), Emulators.newTable());
    }

    static Notice notice(String id, NoticeKind kind, NoticeStatus status, String unit, Instant from, Instant to) {
        return new Notice(id, 1, kind, "通知 " + id, "内容", List.of(NoticeArea.place("和平里")), List.of(), from, to, unit,
                status, from.minus(Duration.ofDays(1)), "staff", null, null, null, null, null);
    }

    private static Notice next(Notice n, NoticeStatus status) {
        return new Notice(n.id(), n.version() + 1, n.kind(), n.title(), n.text(), n.areas(), n.keywords(), n.from(), n.to(),
                n.unit(), status, n.createdAt(), n.createdBy(), n.publishedAt(), n.publishedBy(), n.withdrawnAt(),
                n.withdrawnBy(), n.withdrawReason());
    }

    @Test
    void aNoticeIsStoredAndReadBackWhole() {
        Notice n = notice("N20260310-AAAA", NoticeKind.WATER, NoticeStatus.DRAFT, "water-authority", NOON, NOON.plus(HOUR));
        store.create(n);
        assertEquals(n, store.find(n.id()).orElseThrow());
        assertTrue(store.find("N20260310-NONE").isEmpty());
    }

    @Test
    void aChangeComputedFromAnOlderVersionIsRefused() {
        Notice n = notice("N20260310-AAAA", NoticeKind.WATER, NoticeStatus.DRAFT, "water-authority", NOON, NOON.plus(HOUR));
        store.create(n);
        store.save(next(n, NoticeStatus.PUBLISHED));
        assertThrows(Notices.NoticeChangedException.class, () -> store.save(next(n, NoticeStatus.WITHDRAWN)));
        assertEquals(NoticeStatus.PUBLISHED, store.find(n.id()).orElseThrow().status());
        assertThrows(RuntimeException.class, () -> store.create(n), "a notice is created once");
    }

    @Test
    void theNoticesNotYetEndedArePublishedOnesInForceOrUpcoming() {
        store.create(notice("N1-INFORCE", NoticeKind.WATER, NoticeStatus.PUBLISHED, "u", NOON.minus(HOUR), NOON.plus(HOUR)));
        store.create(notice("N2-UPCOMING", NoticeKind.POWER, NoticeStatus.PUBLISHED, "u", NOON.plus(HOUR), NOON.plus(HOUR.multipliedBy(5))));
        store.create(notice("N3-ENDED", NoticeKind.WATER, NoticeStatus.PUBLISHED, "u", NOON.minus(HOUR.multipliedBy(5)), NOON.minus(HOUR)));
        store.create(notice("N4-ENDSNOW", NoticeKind.WATER, NoticeStatus.PUBLISHED, "u", NOON.minus(HOUR), NOON));
        store.create(notice("N5-DRAFT", NoticeKind.GAS, NoticeStatus.DRAFT, "u", NOON, NOON.plus(HOUR)));
        store.create(notice("N6-WITHDRAWN", NoticeKind.GAS, NoticeStatus.WITHDRAWN, "u", NOON, NOON.plus(HOUR)));
        assertEquals(List.of("N1-INFORCE", "N2-UPCOMING"), store.notEndedAt(NOON).stream().map(Notice::id).sorted().toList());
    }

    @Test
    void theListFiltersByStatusKindAndDayAndShowsEachReaderTheDraftsTheyMaySee() {
        store.create(notice("N1-WATER", NoticeKind.WATER, NoticeStatus.PUBLISHED, "water-authority", NOON.minus(HOUR), NOON.plus(HOUR)));
        store.create(notice("N2-ENDED", NoticeKind.WATER, NoticeStatus.PUBLISHED, "water-authority", NOON.minus(Duration.ofDays(2)), NOON.minus(Duration.ofDays(1))));
        store.create(notice("N3-DRAFT", NoticeKind.POWER, NoticeStatus.DRAFT, "power-company", NOON.plus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(2))));
        store.create(notice("N4-DRAFT", NoticeKind.WATER, NoticeStatus.DRAFT, "water-authority", NOON.plus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(2))));

        assertEquals(List.of("N4-DRAFT", "N3-DRAFT", "N1-WATER", "N2-ENDED"), ids(all(new NoticeQuery(null, null, null, null, NoticeQuery.Drafts.ALL))),
                "latest end first");
        assertEquals(List.of("N1-WATER", "N2-ENDED"), ids(all(new NoticeQuery(null, null, null, null, NoticeQuery.Drafts.NONE))));
        assertEquals(List.of("N4-DRAFT", "N1-WATER", "N2-ENDED"),
                ids(all(new NoticeQuery(null, null, null, null, NoticeQuery.Drafts.of("water-authority")))));
        assertEquals(List.of("N1-WATER"), ids(all(new NoticeQuery(NoticeStatus.PUBLISHED, null, null, null, NoticeQuery.Drafts.ALL))));
        assertEquals(List.of("N2-ENDED"), ids(all(new NoticeQuery(NoticeStatus.ENDED, null, null, null, NoticeQuery.Drafts.ALL))));
        assertEquals(List.of("N4-DRAFT", "N3-DRAFT"), ids(all(new NoticeQuery(NoticeStatus.DRAFT, null, null, null, NoticeQuery.Drafts.ALL))));
        assertEquals(List.of("N3-DRAFT"), ids(all(new NoticeQuery(null, NoticeKind.POWER, null, null, NoticeQuery.Drafts.ALL))));
        Instant today = NOON.minus(Duration.ofHours(12));
        assertEquals(List.of("N1-WATER"), ids(all(new NoticeQuery(null, null, today, today.plus(Duration.ofDays(1)), NoticeQuery.Drafts.ALL))),
                "in force on the day: ending after its start, starting before its end");
        Instant tomorrow = today.plus(Duration.ofDays(1));
        assertEquals(List.of(), ids(all(new NoticeQuery(NoticeStatus.ENDED, null, tomorrow, tomorrow.plus(Duration.ofDays(1)), NoticeQuery.Drafts.ALL))));
    }

    @Test
    void theListPagesByCursorAndRefusesACursorItDidNotHandOut() {
        for (int i = 0; i < 5; i++) {
            store.create(notice("N" + i + "-PAGE", NoticeKind.WATER, NoticeStatus.PUBLISHED, "u", NOON, NOON.plus(HOUR.multipliedBy(i + 1))));
        }
        NoticeQuery q = new NoticeQuery(null, null, null, null, NoticeQuery.Drafts.ALL);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Notices.Page page = store.list(q, NOON, cursor, 2);
            page.items().forEach(n -> seen.add(n.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of("N4-PAGE", "N3-PAGE", "N2-PAGE", "N1-PAGE", "N0-PAGE"), seen);
        assertTrue(pages >= 3);
        assertThrows(Cursor.BadCursorException.class, () -> store.list(q, NOON, "bm90LWEtY3Vyc29y", 2));
    }

    private List<Notice> all(NoticeQuery q) {
        return store.list(q, NOON, null, 100).items();
    }

    private static List<String> ids(List<Notice> notices) {
        return notices.stream().map(Notice::id).toList();
    }
}
