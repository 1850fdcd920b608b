package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.localcloud.mail.MailServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Proof by numbers: eighteen complaints with outcomes chosen in advance go through the whole pipeline (api,
 * stage processes, scheduler stand-in) on the shared run, first of all its classes, while its clock is still in
 * its first month: from Monday 2026-03-02 09:00 Shanghai it travels, so signs come late, replies overdue and
 * callback windows close as they would over a month. Then every rate of every unit, overall, and the ranking are
 * compared with figures worked out by hand below, and the digests that the schedules send are read from the mail
 * server.
 *
 * <pre>
 * unit               tickets  what happens
 * heating-company    H1..H6   all signed in time. H1 H2 satisfied+solved, H3 basically satisfied+solved,
 *                             H4 unsatisfied (reasonable demand) → reopened, signed and replied again, then
 *                             satisfied+solved; H5 never answers the callback (closed as basically satisfied);
 *                             H6 replied only after its deadline (03-24), then satisfied+solved.
 * water-authority    W1..W5   W1..W3 signed in time, W4 W5 three hours late. W1 W3 satisfied+solved, W2
 *                             unsatisfied (demand beyond policy: explained and closed), W4 basically
 *                             satisfied, not solved; W5 replied after its deadline, then satisfied+solved.
 * market-regulation  M1 M2    both satisfied+solved: too few (2 &lt; 5) to rank.
 * urban-management   U1..U5   all in time; U1..U3 satisfied+solved, U4 unsatisfied (explained), U5 basically
 *                             satisfied+solved.
 * </pre>
 * Every complaint is due 15 working days after 03-02: 03-23 17:30, inside March (no holiday in March 2026).
 */
@ExtendWith(RunningPipeline.FirstMonth.class)
@Order(1)
class RatesByNumbersEndToEndTest {
    private static final Instant MONDAY_0900 = RunningPipeline.MONDAY_0900;
    private static final String REPLY = """
            {"result":"已现场处理并回访","outcome":"solved","handlerName":"王工","handlerPhone":"01064001111"}""";
    private static LocalRun run;
    private static Api api;

    @BeforeAll
    static void inTheSharedRunsFirstMonth(Api shared) {
        api = shared;
        run = shared.run;
    }

    /** Hand-worked counts for one unit: numerator/denominator of each rate, in the API's order. */
    record Expected(String response, String onTime, String completion, String firstTime, String resolution,
                    String satisfaction) {
    }

    @Test
    void everyRateTheRankingAndTheDigestsMatchTheFiguresWorkedOutByHand() {
        String agent = api.token("agent");
        Map<String, String> t = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            t.put("H" + i, file("暖气不热 第" + i + "户"));
        }
        for (int i = 1; i <= 5; i++) {
            t.put("W" + i, file("停水 第" + i + "户"));
        }
        for (int i = 1; i <= 2; i++) {
            t.put("M" + i, file("食品过期 第" + i + "家"));
        }
        for (int i = 1; i <= 5; i++) {
            t.put("U" + i, file("夜间施工噪音 第" + i + "处"));
        }
        t.forEach((name, id) -> awaitState(id, "dispatched"));

        // 09:00 Monday: everything but W4 and W5 is signed in time, contacted and replied, except H6 and W5
        for (String name : t.keySet()) {
            if (!name.equals("W4") && !name.equals("W5")) {
                signAndContact(name, t.get(name));
            }
        }
        for (String name : t.keySet()) {
            if (!List.of("W4", "W5", "H6").contains(name)) {
                reply(name, t.get(name));
            }
        }
        t.forEach((name, id) -> {
            if (!List.of("W4", "W5", "H6").contains(name)) {
                awaitState(id, "awaiting_callback");
            }
        });
        callback(t, "H1", "satisfied", true, null);
        callback(t, "H2", "satisfied", true, null);
        callback(t, "H3", "basically_satisfied", true, null);
        callback(t, "H4", "unsatisfied", false, true);
        callback(t, "W1", "satisfied", true, null);
        callback(t, "W2", "unsatisfied", false, false);
        callback(t, "W3", "satisfied", true, null);
        callback(t, "M1", "satisfied", true, null);
        callback(t, "M2", "satisfied", true, null);
        callback(t, "U1", "satisfied", true, null);
        callback(t, "U2", "satisfied", true, null);
        callback(t, "U3", "satisfied", true, null);
        callback(t, "U4", "unsatisfied", false, false);
        callback(t, "U5", "basically_satisfied", true, null);
        // H4 comes back to the heating company: a second round, in time, and a satisfied citizen
        api.awaitTicket(t.get("H4"), agent, x -> x.path("reopenCount").asInt() == 1 && x.path("state").asText().equals("dispatched"), "reopened");
        signAndContact("H4", t.get("H4"));
        reply("H4", t.get("H4"));
        awaitState(t.get("H4"), "awaiting_callback");
        callback(t, "H4", "satisfied", true, null);

        // 12:00: W4 and W5 are signed three hours after dispatch, past the two-hour window
        run.travelTo(MONDAY_0900.plusSeconds(3 * 3600));
        // both marked first: a sign sent while the deadline stage writes the ticket loses to it (409 concurrent-change)
        for (String late : List.of("W4", "W5")) {
            api.awaitTicket(t.get(late), agent, x -> x.path("supervision").path("signOverdue").asBoolean(), late + " sign overdue");
        }
        signAndContact("W4", t.get("W4"));
        signAndContact("W5", t.get("W5"));
        reply("W4", t.get("W4"));
        awaitState(t.get("W4"), "awaiting_callback");
        callback(t, "W4", "basically_satisfied", false, null);

        // Tuesday 03-24 10:00: H6 and W5 are past their deadline (03-23 17:30); H5's callback window has closed
        run.travelTo(Instant.parse("2026-03-24T02:00:00Z"));
        awaitState(t.get("H5"), "closed");
        api.awaitTicket(t.get("H6"), agent, x -> x.path("supervision").path("overdue").asBoolean(), "overdue");
        api.awaitTicket(t.get("W5"), agent, x -> x.path("supervision").path("overdue").asBoolean(), "overdue");
        // the 08:00 daily list (fired as the clock passed it) names exactly the two late tickets
        MailServer.Received daily = awaitMail(LocalRun.SUPERVISOR_EMAIL, "Daily overdue list 2026-03-24");
        assertTrue(daily.subject().contains("2 overdue"), daily.subject());
        assertTrue(daily.text().contains(t.get("H6")) && daily.text().contains(t.get("W5")), daily.text());
        MailServer.Received heatingDaily = awaitMail("head@heating-company.jiesu.local", "Daily overdue list 2026-03-24");
        assertTrue(heatingDaily.text().contains(t.get("H6")));
        assertFalse(heatingDaily.text().contains(t.get("W5")), "a unit head sees their own unit's tickets only");
        reply("H6", t.get("H6"));
        reply("W5", t.get("W5"));
        awaitState(t.get("H6"), "awaiting_callback");
        awaitState(t.get("W5"), "awaiting_callback");
        callback(t, "H6", "satisfied", true, null);
        callback(t, "W5", "satisfied", true, null);
        t.forEach((name, id) -> awaitState(id, "closed"));

        // ---- the figures, by hand -----------------------------------------------------------------------
        // heating: dispatched 6 + 1 reopening = 7, all signed in time; replied 7 (H4 twice), 6 in time (not H6);
        // due 6 (the reopening moves H4's due day, it does not add one), closed 6, 5 the first time (not H4);
        // answered 6 (H4 twice, not H5), solved 5 (not H4's first); rated 7 (H5 unanswered counts),
        // satisfied 4 + basically 2 (H3, H5)
        Map<String, Expected> expected = new LinkedHashMap<>();
        expected.put("heating-company", new Expected("7/7", "6/7", "6/6", "5/6", "5/6", "6/7"));
        // water: 3 of 5 signed in time; 4 of 5 replied in time (not W5); all 5 closed first time;
        // solved W1 W3 W5 of 5 answered; satisfied 3 + basically 1 (W4) of 5
        expected.put("water-authority", new Expected("3/5", "4/5", "5/5", "5/5", "3/5", "4/5"));
        expected.put("market-regulation", new Expected("2/2", "2/2", "2/2", "2/2", "2/2", "2/2"));
        // urban: all in time and closed first time; solved 4 (not U4); satisfied 3 + basically 1 (U5) of 5
        expected.put("urban-management", new Expected("5/5", "5/5", "5/5", "5/5", "4/5", "4/5"));
        String supervisor = api.token("supervisor");
        Api.Reply report = api.get("/v1/rates?from=2026-03-01&to=2026-03-31", supervisor);
        assertEquals(200, report.status(), report.raw().body());
        Map<String, JsonNode> byUnit = new LinkedHashMap<>();
        report.body().path("units").forEach(u -> byUnit.put(u.path("unitId").asText(), u.path("rates")));
        expected.forEach((unit, e) -> assertEquals(e, actual(byUnit.get(unit)), unit));
        byUnit.forEach((unit, rates) -> {
            if (!expected.containsKey(unit)) {
                assertEquals(0, rates.path("counts").path("dispatched").asInt(), unit + " had no ticket");
            }
        });
        // overall, summed by hand: dispatched 7+5+2+5 = 19, signed in time 7+3+2+5 = 17; replied 19, in time
        // 6+4+2+5 = 17; due 6+5+2+5 = 18, closed 18, first time 5+5+2+5 = 17; answered 18, solved 5+3+2+4 = 14;
        // rated 7+5+2+5 = 19, satisfied or basically 6+4+2+4 = 16
        assertEquals(new Expected("17/19", "17/19", "18/18", "17/18", "14/18", "16/19"), actual(report.body().path("overall")));
        JsonNode counts = report.body().path("overall").path("counts");
        assertEquals(2, counts.path("overdue").asInt(), "H6 and W5");
        assertEquals(1, counts.path("reopened").asInt(), "H4");
        assertEquals(2, counts.path("signed_late").asInt(), "W4 and W5");
        // completion is a cohort (docs/rates.md): all 18 tickets were due on 03-23, and a close counts on the
        // day the ticket was due, whenever it happened (15 on 03-02, H5 when its callback window closed, H6 and W5
        // on 03-24), so the day 03-23 alone reads 18 closed of 18 due, and the days before it nothing due
        Api.Reply dueDay = api.get("/v1/rates?from=2026-03-23&to=2026-03-23", supervisor);
        assertEquals("18/18", ratio(dueDay.body().path("overall"), "completion"), dueDay.raw().body());
        assertEquals("0/0", ratio(api.get("/v1/rates?from=2026-03-02&to=2026-03-22", supervisor).body().path("overall"),
                "completion"), "closed before their due day, counted on it");
        // and no rate of any unit, or of all units, leaves 0..1: the month, every ISO week and every day of March
        List<String> ranges = new ArrayList<>(List.of("from=2026-03-01&to=2026-03-31"));
        for (int day = 1; day <= 31; day++) {
            ranges.add("from=2026-03-%02d&to=2026-03-%02d".formatted(day, day));
        }
        for (java.time.LocalDate monday = java.time.LocalDate.of(2026, 2, 23); monday.isBefore(java.time.LocalDate.of(2026, 4, 1));
             monday = monday.plusWeeks(1)) {
            ranges.add("from=" + monday + "&to=" + monday.plusDays(6));
        }
        // asked all at once (reads only), checked one by one
        Map<String, java.util.concurrent.CompletableFuture<Api.Reply>> asked = new LinkedHashMap<>();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        ranges.forEach(range -> asked.put(range, java.util.concurrent.CompletableFuture.supplyAsync(
                () -> api.get("/v1/rates?" + range, supervisor), readers)));
        readers.shutdown();
        for (String range : ranges) {
            Api.Reply r = asked.get(range).join();
            assertEquals(200, r.status(), range + ": " + r.raw().body());
            r.body().path("units").forEach(u -> assertRatesWithinBounds(u.path("rates"), range + " " + u.path("unitId").asText()));
            assertRatesWithinBounds(r.body().path("overall"), range + " overall");
        }
        // a unit's own staff read the same figures for their unit
        Api.Reply own = api.get("/v1/rates/units/water-authority?from=2026-03-01&to=2026-03-31", api.unitToken("water-authority"));
        assertEquals(expected.get("water-authority"), actual(own.body().path("rates")));

        // ranking: composite = 30 % satisfaction + 25 % on-time + 15 % response + 10 % each completion,
        // first-time, resolution. urban .3(.8)+.25+.15+.1+.1+.1(.8) = 0.92; heating .3(6/7)+.25(6/7)+.15+.1
        // +.1(5/6)+.1(5/6) = 0.8881; water .3(.8)+.25(.8)+.15(.6)+.1+.1+.1(.6) = 0.79. Market regulation
        // (2 dispatched) and the units without tickets are listed but not ranked; water is the bottom unit.
        JsonNode ranking = api.get("/v1/rankings/2026-03", supervisor).body().path("units");
        List<String> order = new ArrayList<>();
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        ranking.forEach(e -> {
            entries.put(e.path("unitId").asText(), e);
            if (e.path("ranked").asBoolean()) {
                order.add(e.path("unitId").asText());
            }
        });
        assertEquals(List.of("urban-management", "heating-company", "water-authority"), order);
        assertEquals(0.92, entries.get("urban-management").path("score").asDouble(), 1e-9);
        assertEquals(0.3 * 6 / 7 + 0.25 * 6 / 7 + 0.15 + 0.1 + 0.1 * 5 / 6 + 0.1 * 5 / 6, entries.get("heating-company").path("score").asDouble(), 1e-9);
        assertEquals(0.79, entries.get("water-authority").path("score").asDouble(), 1e-9);
        assertTrue(entries.get("water-authority").path("bottom").asBoolean());
        assertFalse(entries.get("water-authority").path("bottomTwoMonthsRunning").asBoolean(), "no February to compare");
        assertFalse(entries.get("market-regulation").path("ranked").asBoolean());
        assertEquals(3, entries.get("water-authority").path("rank").asInt());

        // ---- the monthly digest, fired by its schedule at 08:00 on the 1st ---------------------------------
        run.travelTo(Instant.parse("2026-04-01T00:00:30Z"));
        MailServer.Received monthly = awaitMail(LocalRun.SUPERVISOR_EMAIL, "Monthly ranking 2026-03");
        String text = monthly.text();
        assertTrue(text.indexOf("#1  区城市管理委员会") > 0 && text.indexOf("#2  区热力集团") > text.indexOf("#1  区城市管理委员会")
                && text.indexOf("#3  区水务局") > text.indexOf("#2  区热力集团"), text);
        assertTrue(text.contains("#3  " + String.format("%-26s", "区水务局") + " 得分 score  79.0  末位约谈 BOTTOM (called in)"), text);
        assertTrue(text.contains("(6/7)") && text.contains("(16/19)"), "rates with their counts: " + text);
        assertTrue(monthly.html().contains("bgcolor=\"#c62828\""), "a bar chart in the HTML part");
        MailServer.Received waterHead = awaitMail("head@water-authority.jiesu.local", "Monthly ranking 2026-03");
        assertTrue(waterHead.text().contains("rank #3") && waterHead.text().contains("BOTTOM"), waterHead.text());
        assertFalse(waterHead.text().contains("区热力集团"), "the head's own unit only");
        // the weekly bulletin of Monday 03-30 went out too as the clock passed it
        awaitMail(LocalRun.SUPERVISOR_EMAIL, "Weekly bulletin 2026-W13");

        // a digest delivered more than once (the schedules fire as the clock travels; queues redeliver) mails
        // nobody twice: per recipient, no two mails share a subject (the subject names the digest and its period)
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        for (MailServer.Received m : run.mail().received()) {
            subjects.computeIfAbsent(m.to(), k -> new ArrayList<>()).add(m.subject());
        }
        subjects.forEach((to, list) -> assertEquals(list.size(), new java.util.HashSet<>(list).size(),
                to + " got a mail twice: " + list));

        // no digest carries a citizen's name or phone number
        for (MailServer.Received m : run.mail().received()) {
            for (String part : new String[]{m.subject(), m.text(), m.html()}) {
                assertFalse(part.contains("张三") || part.contains("13812345678") || part.contains("138****5678"),
                        "personal data in " + m.subject() + " to " + m.to());
            }
        }
    }

    private static Expected actual(JsonNode rates) {
        return new Expected(ratio(rates, "response"), ratio(rates, "onTimeCompletion"), ratio(rates, "completion"),
                ratio(rates, "firstTimeResolution"), ratio(rates, "resolution"), ratio(rates, "satisfaction"));
    }

    /** Every rate a numerator within 0..denominator, its value (when there is one) within 0..1. */
    private static void assertRatesWithinBounds(JsonNode rates, String where) {
        for (String name : List.of("response", "onTimeCompletion", "completion", "firstTimeResolution", "resolution", "satisfaction")) {
            JsonNode rate = rates.path(name);
            long numerator = rate.path("numerator").asLong();
            long denominator = rate.path("denominator").asLong();
            assertTrue(numerator >= 0 && numerator <= denominator, where + " " + name + " " + numerator + "/" + denominator);
            if (rate.hasNonNull("value")) {
                assertTrue(rate.path("value").asDouble() >= 0 && rate.path("value").asDouble() <= 1, where + " " + name + ": " + rate);
            }
        }
    }

    private static String ratio(JsonNode rates, String name) {
        return rates.path(name).path("numerator").asLong() + "/" + rates.path(name).path("denominator").asLong();
    }

    private static String file(String content) {
        Api.Reply r = api.post("/v1/tickets", api.token("agent"), Api.complaint(content));
        assertEquals(201, r.status(), r.raw().body());
        return r.text("id");
    }

    private static String unitOf(String name) {
        return switch (name.charAt(0)) {
            case 'H' -> "heating-company";
            case 'W' -> "water-authority";
            case 'M' -> "market-regulation";
            default -> "urban-management";
        };
    }

    private static void signAndContact(String name, String id) {
        String unit = api.unitToken(unitOf(name));
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", unit, null).status(), name + " sign");
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", unit, "{\"kind\":\"first\"}").status(), name + " contact");
    }

    private static void reply(String name, String id) {
        Api.Reply r = api.post("/v1/tickets/" + id + "/reply", api.reviewerToken(unitOf(name)), REPLY);
        assertEquals(200, r.status(), name + " reply: " + r.raw().body());
    }

    private static void callback(Map<String, String> t, String name, String satisfaction, boolean solved, Boolean reasonable) {
        String body = "{\"satisfaction\":\"" + satisfaction + "\",\"solved\":" + solved
                + (reasonable == null ? "" : ",\"demandReasonable\":" + reasonable) + "}";
        Api.Reply r = api.post("/v1/tickets/" + t.get(name) + "/callback", api.token("agent"), body);
        assertEquals(200, r.status(), name + " callback: " + r.raw().body());
    }

    private static void awaitState(String id, String state) {
        api.awaitTicket(id, api.token("agent"), x -> x.path("state").asText().equals(state), state);
    }

    private static MailServer.Received awaitMail(String to, String subject) {
        Predicate<MailServer.Received> wanted = m -> m.to().equals(to) && m.subject().contains(subject);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (MailServer.Received m : run.mail().received()) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Api.sleep(300);
        }
        return fail("no mail to " + to + " about " + subject + "; got: "
                + run.mail().received().stream().map(m -> m.to() + " " + m.subject()).toList());
    }
}
