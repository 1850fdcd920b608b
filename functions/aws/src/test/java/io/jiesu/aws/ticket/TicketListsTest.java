package io.jiesu.aws.ticket;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.dashboard.FigureItems;
import io.jiesu.aws.search.Cursor;
import io.jiesu.aws.search.Page;
import io.jiesu.aws.search.SearchCriteria;
import io.jiesu.aws.search.TicketCard;
import io.jiesu.aws.search.TicketLists;
import io.jiesu.core.rates.CentreFigures;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static io.jiesu.aws.ticket.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The console's lists (search, inbox pages, a phone's and a filer's tickets) and the centre's figures, on DynamoDB Local. */
class TicketListsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Every call the lists make to DynamoDB, by method name (the client is the emulator's, recorded on the way). */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<QueryRequest> queries = new CopyOnWriteArrayList<>();
    private TicketStore store;
    private TicketLists lists;
    private FigureItems figures;
    private io.jiesu.aws.search.WordIndex words;

    @BeforeEach
    void freshTable() {
        String table = Emulators.newTable();
        store = new TicketStore(Emulators.dynamo(), table, PHONES);
        lists = new TicketLists(DynamoCalls.recording(Emulators.dynamo(), calls, queries), table, PHONES);
        figures = new FigureItems(Emulators.dynamo(), table, new CentreFigures(SHANGHAI));
        words = new io.jiesu.aws.search.WordIndex(Emulators.dynamo(), table);
    }

    private Ticket file(String text, Instant at) {
        Ticket t = store.create(received(text, at), null, "fp", List.of());
        words.index(t); // as the workflow does after intake
        return t;
    }

    private Ticket dispatch(Ticket t, String lead, String... co) {
        return dispatched(store, t, lead, co);
    }

    private static SearchCriteria criteria(String leadUnit, List<String> words, SearchCriteria.Order order) {
        return new SearchCriteria(null, null, null, leadUnit, null, null, null, null, words, order);
    }

    /** Follows `next` from the first page to the last; fails if a page is ever longer than asked. */
    static <T> List<T> allPages(Function<String, Page<T>> page, int limit) {
        return allPages(page, limit, false);
    }

    /** As above; with noEmptyPage, also fails on an empty page that says more follows. */
    static <T> List<T> allPages(Function<String, Page<T>> page, int limit, boolean noEmptyPage) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            Page<T> p = page.apply(cursor);
            assertTrue(p.items().size() <= limit, "a page longer than asked: " + p.items().size());
            assertFalse(noEmptyPage && p.items().isEmpty() && p.next() != null, "an empty page while more matches exist");
            all.addAll(p.items());
            if (p.next() == null) {
                return all;
            }
            cursor = p.next();
        }
        return fail("the pages never ended");
    }

    @Test
    void pagingThroughASearchListsEveryTicketExactlyOnceNewestFirst() {
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            filed.add(file("暖气不热 " + i, MONDAY_10AM.plusSeconds(60L * i)).id());
        }
        List<TicketCard> seen = allPages(c -> lists.search(criteria(null, null, SearchCriteria.Order.INTAKE), null, c, 5), 5);
        List<String> newestFirst = new ArrayList<>(filed);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen.stream().map(TicketCard::ticketId).toList());
        // a filter that keeps every third ticket, pages small enough to end inside what DynamoDB returned
        List<String> thirds = new ArrayList<>();
        for (int i = 0; i < 23; i += 3) {
            Ticket t = file("楼道灯坏了 " + i, MONDAY_10AM.plusSeconds(3600 + 60L * i));
            thirds.add(0, t.id());
        }
        List<TicketCard> lamps = allPages(c -> lists.search(criteria(null, List.of("楼道灯"), SearchCriteria.Order.INTAKE), null, c, 2), 2);
        assertEquals(thirds, lamps.stream().map(TicketCard::ticketId).toList());
    }

    @Test
    void aSearchIsIndexQueriesAndNeverAScan() {
        for (int i = 0; i < 12; i++) {
            dispatch(file("噪音扰民 " + i, MONDAY_10AM.plusSeconds(60L * i)), i % 2 == 0 ? "heating-company" : "water-authority");
        }
        allPages(c -> lists.search(new SearchCriteria(TicketState.DISPATCHED, Category.COMPLAINT, Channel.PHONE, null,
                MONDAY_10AM, MONDAY_10AM.plusSeconds(86_400), false, false, List.of("噪音"), SearchCriteria.Order.DUE), null, c, 4), 4);
        allPages(c -> lists.search(criteria("heating-company", null, SearchCriteria.Order.INTAKE), "heating-company", c, 4), 4);
        assertFalse(calls.isEmpty());
        // words are read from the word index: its term's partition (a key query) and the tickets found there by key
        assertTrue(calls.stream().allMatch(m -> m.equals("query") || m.equals("batchGetItem")),
                "only key queries and reads by key, never a scan: " + calls);
        assertTrue(queries.stream().allMatch(q -> q.indexName() != null
                        || q.expressionAttributeValues().get(":pk").s().startsWith("WORD#")),
                "every query names an index, or is a term's partition of the word index");
        assertEquals(Set.of("LeadByIntake"), new HashSet<>(queries.stream().map(QueryRequest::indexName)
                .filter(java.util.Objects::nonNull).toList()));
    }

    @Test
    void aUnitsSearchShowsOnlyTheTicketsItMayRead() {
        Ticket ours = dispatch(file("暖气不热 甲", MONDAY_10AM), "heating-company");
        Ticket coHelped = dispatch(file("暖气不热 乙", MONDAY_10AM.plusSeconds(60)), "water-authority", "heating-company");
        Ticket theirs = dispatch(file("暖气不热 丙", MONDAY_10AM.plusSeconds(120)), "water-authority");
        // returned by the unit: still its lead unit on the item, but no longer its to read
        Ticket returned = dispatch(file("暖气不热 戊", MONDAY_10AM.plusSeconds(240)), "heating-company");
        Transition signed = returned.sign(MONDAY_10AM.plusSeconds(300), unit("heating-company"), DEADLINES);
        store.save(signed, List.of());
        Transition back = signed.after().returnToCentre("不属于本单位职责", MONDAY_10AM.plusSeconds(360), unit("heating-company"));
        store.save(back, List.of());
        assertEquals(TicketState.RETURNED, back.after().state());
        for (SearchCriteria.Order order : SearchCriteria.Order.values()) {
            List<String> seen = allPages(c -> lists.search(criteria("heating-company", null, order), "heating-company", c, 10), 10)
                    .stream().map(TicketCard::ticketId).toList();
            assertEquals(List.of(ours.id()), seen, "by " + order);
        }
        // a cursor from another unit's list does not move a reader into it, and a made-up one is refused
        dispatch(file("暖气不热 丁", MONDAY_10AM.plusSeconds(180)), "water-authority");
        String theirCursor = lists.search(criteria("water-authority", null, SearchCriteria.Order.INTAKE), null, null, 1).next();
        assertNotNull(theirCursor);
        assertEquals(List.of(ours.id()), lists.search(criteria("heating-company", null, SearchCriteria.Order.INTAKE),
                "heating-company", theirCursor, 10).items().stream().map(TicketCard::ticketId).toList(),
                "another list's cursor is only a position in the reader's own list");
        assertThrows(Cursor.BadCursorException.class, () -> lists.search(
                criteria(null, null, SearchCriteria.Order.INTAKE), null, "not-a-cursor!", 10));
        assertNotNull(coHelped);
        assertNotNull(theirs);
    }

    @Test
    void aUnitsInboxPagesListEveryOpenTicketOnceSoonestDueFirst() {
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            filed.add(dispatch(file("停水 " + i, MONDAY_10AM.plusSeconds(600L * i)), "water-authority").id());
        }
        List<InboxEntry> pages = allPages(c -> lists.inbox("water-authority", null, c, 4), 4);
        assertEquals(filed, pages.stream().map(InboxEntry::ticketId).toList());
        assertEquals(store.inbox("water-authority", null, 500), pages, "the pages are the inbox, entry for entry");
    }

    @Test
    void aCallersEarlierTicketsAndAFilersOwnArePagedNewestFirst() {
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(0, file("占道经营 " + i, MONDAY_10AM.plusSeconds(60L * i)).id());
        }
        assertEquals(filed, allPages(c -> lists.ofPhone("138-1234-5678", c, 2), 2).stream().map(TicketCard::ticketId).toList());
        assertEquals(List.of(), lists.ofPhone("13900000000", null, 10).items());
        // an agent's calls are no one's own list; a citizen's online tickets are theirs
        assertEquals(List.of(), lists.filedBy(AGENT.id(), null, 10).items());
        io.jiesu.core.ticket.Actor citizen = new io.jiesu.core.ticket.Actor("citizen-7", io.jiesu.core.ticket.Role.CITIZEN, null);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            own.add(0, store.create(Ticket.receive("T-own-" + i, new io.jiesu.core.ticket.NewTicket(Category.COMPLAINT,
                    Channel.WEB, "小区垃圾未清运 " + i, new io.jiesu.core.ticket.Citizen("李四", "13900001111"), null, null, false),
                    MONDAY_10AM.plusSeconds(60L * i), citizen, DEADLINES), null, "fp", List.of()).id());
        }
        assertEquals(own, allPages(c -> lists.filedBy("citizen-7", c, 2), 2).stream().map(TicketCard::ticketId).toList());
        assertEquals(List.of(), lists.filedBy("someone-else", null, 10).items());
    }

    @Test
    void ticketsTakenInAtOnceAllLandAndAreEachCountedOnce() throws Exception {
        int callers = 24;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Ticket>> filed = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                filed.add(pool.submit(() -> {
                    start.await();
                    return file("同一时刻来电 " + n, MONDAY_10AM);
                }));
            }
            start.countDown();
            for (var f : filed) {
                assertNotNull(f.get().id(), "every ticket taken in at the same moment lands");
            }
        } finally {
            pool.shutdownNow();
        }
        LocalDate monday = LocalDate.ofInstant(MONDAY_10AM, SHANGHAI);
        assertEquals((long) callers, figures.sum(monday, monday).get(CentreFigures.TAKEN_IN));
    }

    @Test
    void theCentresFiguresCountTakenInDispatchedAndClosedOnTheirDayAndHour() {
        LocalDate monday = LocalDate.ofInstant(MONDAY_10AM, SHANGHAI);
        dispatch(file("暖气不热", MONDAY_10AM), "heating-company");
        file("停水", MONDAY_10AM.plusSeconds(3600));
        Map<String, Long> day = figures.sum(monday, monday);
        assertEquals(2L, day.get(CentreFigures.TAKEN_IN));
        assertEquals(1L, day.get(CentreFigures.DISPATCHED));
        assertEquals(1L, day.get(CentreFigures.byUnit(CentreFigures.DISPATCHED, "heating-company")));
        assertEquals(2L, day.get(CentreFigures.byCategory("complaint")));
        assertEquals(2L, day.get(CentreFigures.byChannel("phone")));
        assertEquals(1L, day.get(CentreFigures.inHour(10, CentreFigures.TAKEN_IN)));
        assertEquals(1L, day.get(CentreFigures.inHour(11, CentreFigures.TAKEN_IN)));
        assertEquals(Map.of(), figures.sum(monday.plusDays(1), monday.plusDays(1)));
    }
}
