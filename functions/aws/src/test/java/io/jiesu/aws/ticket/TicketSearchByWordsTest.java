package io.jiesu.aws.ticket;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.search.Cursor;
import io.jiesu.aws.search.Page;
import io.jiesu.aws.search.SearchCriteria;
import io.jiesu.aws.search.TicketCard;
import io.jiesu.aws.search.TicketLists;
import io.jiesu.aws.search.WordBackfill;
import io.jiesu.aws.search.WordIndex;
import io.jiesu.aws.search.WordTerms;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.Transition;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.ticket.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Ticket search by words in the content, served by the word index, on DynamoDB Local. */
class TicketSearchByWordsTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private String table;
    private TicketStore store;
    private TicketLists lists;
    private WordIndex words;

    @BeforeEach
    void freshTable() {
        table = Emulators.newTable();
        store = new TicketStore(Emulators.dynamo(), table, PHONES);
        lists = new TicketLists(DynamoCalls.recording(Emulators.dynamo(), calls, new ArrayList<>()), table, PHONES);
        words = new WordIndex(Emulators.dynamo(), table);
    }

    /** Taken in and its words indexed, as the workflow does. */
    private Ticket file(String text, Instant at) {
        Ticket t = store.create(received(text, at), null, "fp", List.of());
        words.index(t);
        return t;
    }

    private Ticket dispatch(Ticket t, String lead, String... co) {
        return dispatched(store, t, lead, co);
    }

    private static SearchCriteria words(List<String> words, SearchCriteria.Order order) {
        return new SearchCriteria(null, null, null, null, null, null, null, null, words, order);
    }

    private static List<String> ids(List<TicketCard> cards) {
        return cards.stream().map(TicketCard::ticketId).toList();
    }

    /** Every page, none longer than asked, and none empty while more follow. */
    private static <T> List<T> allPages(Function<String, Page<T>> page, int limit) {
        return TicketListsTest.allPages(page, limit, true);
    }

    /** Many tickets newer than the rare ones, written as the benchmark writes them: items in batches. */
    private void manyOthers(int n, Instant from) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ticket t = received("暖气不热，请尽快处理", from.plusSeconds(i)).after();
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(store.ticketItem(t)).build()).build());
            if (batch.size() == 25 || i == n - 1) {
                Map<String, List<WriteRequest>> left = Map.of(table, batch);
                while (!left.isEmpty()) {
                    left = Emulators.dynamo().batchWriteItem(BatchWriteItemRequest.builder().requestItems(left).build())
                            .unprocessedItems();
                }
                batch = new ArrayList<>();
            }
        }
    }

    @Test
    void aRareWordAmongManyTicketsIsFoundOnTheFirstPageReadingOnlyTheTicketsThatHoldIt() {
        Ticket gas = dispatch(file("燃气表异响，请派人查看", MONDAY_10AM), "gas-company");
        Ticket again = dispatch(file("楼下燃气表异响又发生了", MONDAY_10AM.plusSeconds(60)), "gas-company");
        // more tickets after them than one page of the search indexes' filter reads (their terms are other partitions)
        manyOthers(TicketLists.MAX_EVALUATED + 100, MONDAY_10AM.plusSeconds(3600));
        calls.clear();
        Page<TicketCard> page = lists.search(words(List.of("燃气表"), SearchCriteria.Order.INTAKE), null, null, 20);
        assertEquals(List.of(again.id(), gas.id()), ids(page.items()), "found on the first page, newest first");
        assertNull(page.next(), "and nothing more to page to");
        assertEquals(List.of("batchGetItem", "query", "batchGetItem"), calls,
                "the terms' counts, the rarest term's partition, and its tickets: nothing else is read");
        // unit staff, by due time: the same two, as their unit may read them
        Page<TicketCard> theirs = lists.search(new SearchCriteria(null, null, null, "gas-company", null, null, null, null,
                List.of("异响"), SearchCriteria.Order.DUE), "gas-company", null, 20);
        assertEquals(List.of(gas.id(), again.id()), ids(theirs.items()), "soonest due first");
        assertNull(theirs.next());
    }

    @Test
    void aSparseFilterReadsTheIndexInGrowingStepsNotAHundredAtATime() {
        Ticket old = file("燃气表异响，请派人查看", MONDAY_10AM);
        manyOthers(700, MONDAY_10AM.plusSeconds(3600));
        calls.clear();
        // one character: no term, so the search indexes' filter reads the 701 entries newest first to find it
        Page<TicketCard> page = lists.search(words(List.of("燃"), SearchCriteria.Order.INTAKE), null, null, 20);
        assertEquals(List.of(old.id()), ids(page.items()));
        assertNull(page.next());
        assertEquals(List.of("query", "query", "query", "query"), calls, "100, 200, 400, then the last: four reads, not eight");
    }

    @Test
    void everyWordMustOccurAsWrittenWithEveryOtherFilterAndThePagesListEachMatchOnce() {
        Ticket a = dispatch(file("小区燃气表异响 WiFi也断了", MONDAY_10AM), "heating-company");
        Ticket b = dispatch(file("燃气表异响，楼道有味", MONDAY_10AM.plusSeconds(60)), "water-authority", "heating-company");
        Ticket c = file("燃气 表异响", MONDAY_10AM.plusSeconds(120)); // 燃气表 is not in it as written
        Ticket d = dispatch(file("燃气表坏了", MONDAY_10AM.plusSeconds(180)), "heating-company");
        Ticket e = dispatch(file("燃气表异响三天了", MONDAY_10AM.plusSeconds(240)), "water-authority");
        SearchCriteria both = words(List.of("燃气表", "异响"), SearchCriteria.Order.INTAKE);
        assertEquals(List.of(e.id(), b.id(), a.id()), ids(allPages(k -> lists.search(both, null, k, 1), 1)));
        assertEquals(List.of(a.id()), ids(lists.search(words(List.of("WIFI"), SearchCriteria.Order.INTAKE), null, null, 5).items()),
                "a Latin word whatever its case");
        assertEquals(List.of(), lists.search(words(List.of("燃气表", "停水"), SearchCriteria.Order.INTAKE), null, null, 5).items());
        // a lead unit's staff: what their unit leads and may read (b is co-helped by them but led by the water authority)
        SearchCriteria ours = new SearchCriteria(null, null, null, "heating-company", null, null, null, null,
                List.of("燃气表"), SearchCriteria.Order.INTAKE);
        assertEquals(List.of(d.id(), a.id()), ids(allPages(k -> lists.search(ours, "heating-company", k, 1), 1)));
        // the intake range, and state
        assertEquals(List.of(e.id(), b.id()), ids(lists.search(new SearchCriteria(null, null, null, null,
                MONDAY_10AM.plusSeconds(60), MONDAY_10AM.plusSeconds(241), null, null, List.of("异响", "燃气表"),
                SearchCriteria.Order.INTAKE), null, null, 10).items()));
        assertEquals(List.of(c.id()), ids(lists.search(new SearchCriteria(io.jiesu.core.ticket.TicketState.RECEIVED, null, null,
                null, null, null, null, null, List.of("异响"), SearchCriteria.Order.INTAKE), null, null, 10).items()));
        // by due time, a page at a time: each match once, soonest due first (the received one, due no more to a unit, too)
        List<TicketCard> byDue = allPages(k -> lists.search(words(List.of("异响"), SearchCriteria.Order.DUE), null, k, 2), 2);
        assertEquals(4, byDue.size());
        assertEquals(java.util.Set.of(a.id(), b.id(), c.id(), e.id()), new java.util.HashSet<>(ids(byDue)));
        assertEquals(byDue.stream().sorted(Comparator.comparing(TicketCard::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TicketCard::ticketId)).toList(), byDue);
        // a single character has no term: the search indexes' filter finds it as before
        assertEquals(List.of(e.id(), d.id(), c.id(), b.id(), a.id()),
                ids(lists.search(words(List.of("燃"), SearchCriteria.Order.INTAKE), null, null, 10).items()));
        assertThrows(Cursor.BadCursorException.class, () -> lists.search(both, null,
                java.util.Base64.getUrlEncoder().encodeToString("WORD#x".getBytes()), 10));
    }

    @Test
    void aTermIsOneItemPerTicketAndIndexingAgainChangesNothing() {
        Ticket t = file("楼道灯坏了，楼道很黑", MONDAY_10AM);
        assertEquals(0, words.index(List.of(t)), "indexed again: no item written");
        assertEquals(Map.of("楼道", 1L, "灯坏", 1L), words.counts(java.util.Set.of("楼道", "灯坏")),
                "counted once per ticket, however often the term occurs or the ticket is indexed");
        assertEquals(java.util.Set.of("楼道", "道灯", "灯坏", "坏了", "了，", "，楼", "道很", "很黑"), WordTerms.of("楼道灯坏了，楼道很黑"));
    }

    @Test
    void aTermInMoreTicketsThanAnySearchReadsIsWrittenNoMoreAndItsTicketsAreStillFound() {
        // 暖气不热's three terms already in more tickets than a search reads by the word index
        List<String> common = List.of("暖气", "气不", "不热");
        common.forEach(term -> Emulators.dynamo().putItem(PutItemRequest.builder().tableName(table).item(Map.of(
                PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("WORD#" + term),
                SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("COUNT"),
                "tickets", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                        Long.toString(TicketLists.MAX_EVALUATED + 1)))).build()));
        Ticket t = store.create(received("暖气不热燃气表异响", MONDAY_10AM), null, "fp", List.of());
        assertEquals(5, words.index(List.of(t)), "热燃 燃气 气表 表异 异响: the three common terms are not written");
        Map<String, Long> before = words.counts(new java.util.HashSet<>(common));
        assertTrue(before.values().stream().allMatch(n -> n == TicketLists.MAX_EVALUATED + 1), "nor counted: " + before);
        assertEquals(List.of("COUNT"), Emulators.dynamo().query(q -> q.tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("WORD#暖气"))))
                .items().stream().map(i -> i.get(SK).s()).toList(), "no ticket in a partition no search reads, only its count");
        // a fresh process (no memory of common terms) reads the counts and writes the same: nothing for them
        Ticket next = store.create(received("暖气不热三天了", MONDAY_10AM.plusSeconds(60)), null, "fp2", List.of());
        assertEquals(3, new WordIndex(Emulators.dynamo(), table).index(List.of(next)), "热三 三天 天了");
        // found all the same: by the rare term through the word index, by the common words through the search indexes
        assertEquals(List.of(t.id()), ids(lists.search(words(List.of("燃气表"), SearchCriteria.Order.INTAKE), null, null, 10).items()));
        assertEquals(List.of(next.id(), t.id()), ids(lists.search(words(List.of("暖气不热"), SearchCriteria.Order.INTAKE), null, null, 10).items()));
        assertEquals(List.of(t.id()), ids(lists.search(words(List.of("暖气不热", "异响"), SearchCriteria.Order.INTAKE), null, null, 10).items()));
    }

    @Test
    void theCountsAreWrittenSideBySideAndAFailedOneFailsTheIndexingWithTheStoresOwnError() {
        Ticket t = store.create(received("井盖丢失，夜里有人掉进去", MONDAY_10AM), null, "fp", List.of());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new WordIndex(DynamoCalls.failing(Emulators.dynamo(), "updateItem"), table).index(t),
                "the store's error, not the executor's wrapper: the workflow keeps the outbox message for it");
        assertEquals("the function stopped before updateItem", refused.getMessage());
        SearchCriteria manhole = words(List.of("井盖丢失"), SearchCriteria.Order.INTAKE);
        assertEquals(List.of(), lists.search(manhole, null, null, 10).items(), "no item before its count");
        // indexed again (the relay): found, every term counted once
        words.index(t);
        assertEquals(List.of(t.id()), ids(lists.search(manhole, null, null, 10).items()));
        assertEquals(java.util.Set.of(1L), new java.util.HashSet<>(words.counts(WordTerms.of(t.content())).values()));
        // the items failing after the counts: counted twice once indexed again, and found
        Ticket u = store.create(received("井盖丢失第二处", MONDAY_10AM.plusSeconds(60)), null, "fp2", List.of());
        assertThrows(IllegalStateException.class,
                () -> new WordIndex(DynamoCalls.failing(Emulators.dynamo(), "batchWriteItem"), table).index(u));
        words.index(u);
        assertEquals(List.of(u.id(), t.id()), ids(lists.search(manhole, null, null, 10).items()));
        assertEquals(Map.of("第二", 2L), words.counts(java.util.Set.of("第二")), "an overcount, never an undercount");
    }

    @Test
    void aTicketWhoseWordsWereNotWrittenAtIntakeIsIndexedByTheOutboxRelay() {
        var queues = Emulators.newQueues();
        SchedulerServer scheduler = Emulators.newScheduler(Clock.systemUTC());
        try {
            var timers = Emulators.timers(Emulators.schedulerClient(scheduler), DEADLINES, queues);
            DynamoDbClient failingWrites = DynamoCalls.failing(Emulators.dynamo(), "batchWriteItem");
            TicketQueues sqs = new TicketQueues(Emulators.sqs(), queues);
            TicketWorkflow crashing = new TicketWorkflow(store, store, sqs, timers, Clock.systemUTC(), new WordIndex(failingWrites, table));
            Ticket t = crashing.create(received("消防通道堵塞，车开不进来", MONDAY_10AM), null, "fp");
            SearchCriteria fire = words(List.of("消防通道"), SearchCriteria.Order.INTAKE);
            assertEquals(List.of(), lists.search(fire, null, null, 10).items(), "not indexed yet");
            assertTrue(store.pendingOutbox(Instant.now().plusSeconds(1), 10).stream().anyMatch(m -> m.isWordIndex()),
                    "the outbox keeps the word index's message");
            TicketWorkflow relay = new TicketWorkflow(store, store, sqs, timers, Clock.systemUTC(), new WordIndex(Emulators.dynamo(), table));
            relay.relayPending(Duration.ZERO);
            assertEquals(List.of(t.id()), ids(lists.search(fire, null, null, 10).items()));
            assertTrue(store.pendingOutbox(Instant.now().plusSeconds(1), 10).stream().noneMatch(m -> m.isWordIndex()));
            // and a ticket taken in with the words written at once is found at once
            Ticket next = relay.create(received("消防通道又被占了", MONDAY_10AM.plusSeconds(60)), null, "fp2");
            assertEquals(List.of(next.id(), t.id()), ids(lists.search(fire, null, null, 10).items()));
            assertNotNull(QueueName.DISPATCH);
        } finally {
            scheduler.close();
        }
    }

    @Test
    void theBackfillBringsTicketsStoredBeforeTheIndexIntoTheSearchesStepByStep() {
        // stored before the search keys (the ticket item alone) and before the word index (search keys, no words)
        Ticket old = received("古树倒伏压了车", MONDAY_10AM).after();
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> bare = new HashMap<>(store.ticketItem(old));
        bare.keySet().removeIf(k -> k.startsWith("GSI") || List.of("card", "words", "category", "channel", "overdue",
                "provincial", "received", "leadUnit").contains(k));
        Emulators.dynamo().putItem(PutItemRequest.builder().tableName(table).item(bare).build());
        Ticket keyed = received("古树倒伏挡了路", MONDAY_10AM.plusSeconds(60)).after();
        Emulators.dynamo().putItem(PutItemRequest.builder().tableName(table).item(store.ticketItem(keyed)).build());
        Ticket fresh = file("古树倒伏了", MONDAY_10AM.plusSeconds(120));
        SearchCriteria tree = words(List.of("古树倒伏"), SearchCriteria.Order.INTAKE);
        assertEquals(List.of(fresh.id()), ids(lists.search(tree, null, null, 10).items()));

        WordBackfill backfill = new WordBackfill(Emulators.dynamo(), table);
        int steps = 0, keysAdded = 0;
        String cursor = null;
        do {
            WordBackfill.Step step = backfill.step(cursor, 2);
            keysAdded += step.searchKeysAdded();
            cursor = step.next();
            steps++;
        } while (cursor != null && steps < 100);
        assertTrue(steps > 1, "resumable: a step at a time, from the cursor the step before returned");
        assertEquals(1, keysAdded);
        assertEquals(List.of(fresh.id(), keyed.id(), old.id()), ids(lists.search(tree, null, null, 10).items()));
        assertEquals(List.of(fresh.id(), keyed.id(), old.id()), ids(lists.search(words(List.of(), SearchCriteria.Order.INTAKE),
                null, null, 10).items()), "the ticket without search keys is in the search indexes now");
        Map<String, Long> counts = words.counts(java.util.Set.of("古树", "倒伏"));
        assertEquals(Map.of("古树", 3L, "倒伏", 3L), counts);
        WordBackfill.Step again = backfill.all(null, 50);
        assertEquals(3, again.tickets());
        assertEquals(0, again.wordItemsWritten(), "run again: nothing to write");
        assertEquals(counts, words.counts(java.util.Set.of("古树", "倒伏")));
    }
}
