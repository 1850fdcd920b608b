package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The console's API against the running pipeline: lists paged by cursor list every entry once, a unit never sees
 * another unit's ticket, an agent sees a caller's earlier tickets and a citizen only their own, the dashboard
 * answers 304 while nothing moved and moves when a ticket is filed, and the console's origin may call.
 */
@ExtendWith(RunningPipeline.class)
class ConsoleApiEndToEndTest {
    private static final String HEATING = "heating-company";
    private static final String WATER = "water-authority";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** A word no other test writes, so a search for it finds only this test's tickets. */
    private static String mark() {
        return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String fileAndAwait(Api api, String content, String phone, String state) {
        String body = """
                {"category":"complaint","channel":"phone","content":"%s","citizenName":"王五",
                 "citizenPhone":"%s","location":"东城区和平里3号楼"}""".formatted(content, phone);
        Api.Reply r = api.post("/v1/tickets", api.token("agent"), body);
        assertEquals(201, r.status(), r.raw().body());
        String id = r.text("id");
        api.awaitTicket(id, api.token("supervisor"), t -> t.path("state").asText().equals(state), state);
        return id;
    }

    /** Pages through a list whose body is an array and whose next cursor comes in Next-Cursor. */
    private static List<String> arrayPages(Api api, String path, String token, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 500; pages++) {
            Api.Reply r = api.get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, r.status(), r.raw().body());
            assertTrue(r.body().size() <= limit, "a page longer than asked");
            r.body().forEach(e -> ids.add(e.path("ticketId").asText()));
            cursor = r.raw().headers().firstValue("Next-Cursor").orElse(null);
            if (cursor == null) {
                return ids;
            }
        }
        return fail("the pages of " + path + " never ended");
    }

    /** Pages through a list answered as {items, next}; returns every card seen. */
    private static List<JsonNode> cardPages(Function<String, Api.Reply> page) {
        List<JsonNode> cards = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 500; pages++) {
            Api.Reply r = page.apply(cursor);
            assertEquals(200, r.status(), r.raw().body());
            r.body().path("items").forEach(cards::add);
            cursor = r.body().path("next").isNull() ? null : r.body().path("next").asText(null);
            if (cursor == null) {
                return cards;
            }
        }
        return fail("the pages never ended");
    }

    private static List<String> ids(List<JsonNode> cards) {
        return cards.stream().map(c -> c.path("ticketId").asText()).toList();
    }

    private static void assertEachOnce(List<String> ids, String what) {
        assertEquals(ids.size(), new HashSet<>(ids).size(), what + " listed a ticket twice: " + ids);
    }

    private static String search(String query) {
        return "/v1/search/tickets?" + query;
    }

    private static String q(String word) {
        return URLEncoder.encode(word, StandardCharsets.UTF_8);
    }

    @Test
    void theInboxAndTheDispatchQueueArePagedByCursorEveryEntryOnce(Api api) {
        String mark = mark();
        List<String> heating = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            heating.add(fileAndAwait(api, "暖气不热 " + mark + " " + i, "13811110000", "dispatched"));
        }
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pool.add(fileAndAwait(api, "小区门口路灯不亮 " + mark + " " + i, "13811110000", "awaiting_dispatch"));
        }
        String unit = api.unitToken(HEATING);
        List<String> paged = arrayPages(api, "/v1/units/" + HEATING + "/inbox", unit, 2);
        assertEachOnce(paged, "the inbox");
        List<String> whole = new ArrayList<>();
        api.get("/v1/units/" + HEATING + "/inbox?limit=500", unit).body().forEach(e -> whole.add(e.path("ticketId").asText()));
        assertEquals(whole, paged, "the pages, one after the other, are the inbox in its order");
        assertTrue(paged.containsAll(heating), "every ticket dispatched to the unit is in its inbox");

        String dispatcher = api.token("dispatcher");
        List<String> queue = arrayPages(api, "/v1/dispatch/pending", dispatcher, 2);
        assertEachOnce(queue, "the dispatch queue");
        assertTrue(queue.containsAll(pool), "every ticket waiting for a dispatcher is in the queue");

        Api.Reply bad = api.get("/v1/dispatch/pending?cursor=not-a-cursor", dispatcher);
        assertEquals(400, bad.status(), bad.raw().body());
        assertEquals(PROBLEM_JSON, bad.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals("cursor", bad.body().path("errors").path(0).path("field").asText(), bad.raw().body());
    }

    @Test
    void aSearchPagesEveryMatchOnceAndAUnitSeesOnlyItsOwnTickets(Api api) {
        String mark = mark();
        Set<String> heating = new HashSet<>();
        Set<String> water = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            heating.add(fileAndAwait(api, "暖气不热 " + mark + " " + i, "13822220000", "dispatched"));
            water.add(fileAndAwait(api, "家里停水 " + mark + " " + i, "13822220000", "dispatched"));
        }
        String supervisor = api.token("supervisor");
        List<String> all = ids(cardPages(c -> api.get(search("q=" + q(mark) + "&limit=3" + (c == null ? "" : "&cursor=" + c)), supervisor)));
        assertEachOnce(all, "the search");
        Set<String> both = new HashSet<>(heating);
        both.addAll(water);
        assertEquals(both, new HashSet<>(all), "the words find exactly the tickets that hold them");

        List<JsonNode> byDue = cardPages(c -> api.get(search("q=" + q(mark) + "&sort=due&limit=3&state=dispatched"
                + (c == null ? "" : "&cursor=" + c)), supervisor));
        assertEquals(both, new HashSet<>(ids(byDue)));
        List<Instant> dues = byDue.stream().map(c -> Instant.parse(c.path("dueAt").asText())).toList();
        assertEquals(dues.stream().sorted().toList(), dues, "sort=due lists the soonest due first");

        for (String unit : List.of(HEATING, WATER)) {
            String token = api.unitToken(unit);
            List<JsonNode> seen = cardPages(c -> api.get(search("q=" + q(mark) + "&limit=2" + (c == null ? "" : "&cursor=" + c)), token));
            assertEquals(unit.equals(HEATING) ? heating : water, new HashSet<>(ids(seen)), unit + " sees its own tickets, and only them");
            seen.forEach(card -> assertEquals(unit, card.path("leadUnit").asText(), "a unit sees no other unit's ticket: " + card));
            // unit staff learn nothing of the others' tickets through any filter
            List<JsonNode> wider = cardPages(c -> api.get(search("limit=50" + (c == null ? "" : "&cursor=" + c)), token));
            wider.forEach(card -> assertTrue(card.path("assignedUnits").toString().contains(unit)
                    || unit.equals(card.path("leadUnit").asText()), unit + " saw " + card));
        }
        Api.Reply other = api.get(search("leadUnit=" + WATER), api.unitToken(HEATING));
        assertEquals(403, other.status(), other.raw().body());
        assertEquals(PROBLEM_JSON, other.raw().headers().firstValue("Content-Type").orElse(""));

        Api.Reply badDay = api.get(search("from=22-11-2026"), supervisor);
        assertEquals(400, badDay.status(), badDay.raw().body());
        assertEquals("from", badDay.body().path("errors").path(0).path("field").asText(), badDay.raw().body());
        Api.Reply badSort = api.get(search("sort=newest"), supervisor);
        assertEquals(400, badSort.status(), badSort.raw().body());
        assertEquals("sort", badSort.body().path("errors").path(0).path("field").asText(), badSort.raw().body());
    }

    @Test
    void anAgentSeesTheCallersEarlierTicketsAndACitizenOnlyTheirOwn(Api api) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first = fileAndAwait(api, "暖气不热 第一次", phone, "dispatched");
        String second = fileAndAwait(api, "暖气还是不热 第二次", phone, "dispatched");
        String typed = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        Api.Reply earlier = api.post("/v1/callers/tickets", api.token("agent"), "{\"phone\":\"" + typed + "\"}");
        assertEquals(200, earlier.status(), earlier.raw().body());
        List<String> ids = new ArrayList<>();
        earlier.body().path("items").forEach(c -> ids.add(c.path("ticketId").asText()));
        assertEquals(List.of(second, first), ids, "the caller's tickets, newest first, however the number is typed");
        assertFalse(earlier.raw().body().contains(phone), "the list shows no phone");
        Api.Reply badPhone = api.post("/v1/callers/tickets", api.token("agent"), "{\"phone\":\"12\"}");
        assertEquals(400, badPhone.status(), badPhone.raw().body());
        assertEquals("phone", badPhone.body().path("errors").path(0).path("field").asText(), badPhone.raw().body());

        String me = "citizen-" + UUID.randomUUID();
        String someoneElse = "citizen-" + UUID.randomUUID();
        List<String> mine = new ArrayList<>();
        for (String who : List.of(me, someoneElse, me)) {
            String token = api.run.mint().mint(who, "citizen", null, Duration.ofHours(1));
            Api.Reply r = api.post("/v1/tickets", token, """
                    {"category":"complaint","channel":"web","content":"小区门口路灯不亮","citizenName":"赵六",
                     "citizenPhone":"13700001234","location":"东城区和平里7号楼"}""");
            assertEquals(201, r.status(), r.raw().body());
            if (who.equals(me)) {
                mine.add(0, r.text("id"));
            }
        }
        String myToken = api.run.mint().mint(me, "citizen", null, Duration.ofHours(1));
        assertEquals(mine, ids(cardPages(c -> api.get("/v1/citizens/me/tickets?limit=1" + (c == null ? "" : "&cursor=" + c), myToken))),
                "a citizen's own tickets, newest first, and no one else's");
    }

    @Test
    void theDashboardAnswers304WhileNothingMovedAndMovesWhenATicketIsFiled(Api api) {
        String supervisor = api.token("supervisor");
        Api.Reply first = api.get("/v1/dashboard", supervisor);
        assertEquals(200, first.status(), first.raw().body());
        String etag = first.raw().headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        Api.Reply again = api.send(api.request("/v1/dashboard", supervisor).header("If-None-Match", etag).GET().build());
        assertEquals(304, again.status(), "unchanged figures are not sent again: " + again.raw().body());
        assertEquals("", again.raw().body());

        long takenIn = first.body().path("today").path("takenIn").asLong();
        fileAndAwait(api, "暖气不热 大屏", "13833330000", "dispatched");
        Instant deadline = Instant.now().plusSeconds(30);
        Api.Reply moved = null;
        while (Instant.now().isBefore(deadline)) {
            moved = api.send(api.request("/v1/dashboard", supervisor).header("If-None-Match", etag).GET().build());
            if (moved.status() == 200 && moved.body().path("today").path("takenIn").asLong() > takenIn) {
                break;
            }
            Api.sleep(200);
        }
        assertNotNull(moved);
        assertEquals(200, moved.status(), "the figures moved, so the screen gets them");
        assertTrue(moved.body().path("today").path("takenIn").asLong() > takenIn, moved.raw().body());
        assertTrue(moved.body().path("today").path("dispatched").asLong() >= 1, moved.raw().body());
        assertNotEquals(etag, moved.raw().headers().firstValue("ETag").orElse(etag));
        JsonNode hours = moved.body().path("hours");
        assertEquals(moved.body().path("hour").asInt() + 1, hours.size(), "one entry per hour of the day so far");
        assertTrue(hours.get(hours.size() - 1).path("takenIn").asLong() >= 1, "this hour's intake shows the ticket");
        assertTrue(moved.body().path("today").path("takenInByCategory").path("complaint").asLong() >= 1);
        assertEquals(403, api.get("/v1/dashboard", api.unitToken(HEATING)).status(), "not for unit staff");
    }

    @Test
    void theConsolesOriginMayCallTheApiAndNoOtherOrigin(Api api) {
        for (String origin : List.of("http://localhost:5173", "https://evil.example")) {
            HttpRequest preflight = api.request("/v1/dashboard", null).header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization,if-none-match")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
            Api.Reply r = api.send(preflight);
            String allowed = r.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(null);
            if (origin.contains("localhost")) {
                assertEquals(origin, allowed, "the console's origin is let in: " + r.raw().headers().map());
            } else {
                assertNotEquals(origin, allowed, "another origin is not: " + r.raw().headers().map());
            }
        }
    }
}
