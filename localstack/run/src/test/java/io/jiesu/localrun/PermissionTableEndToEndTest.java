package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.localcloud.tokens.TokenMint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Walks the written table of permissions (permissions.csv) against the running api: every endpoint, in every
 * scope, with every role, with a role no token may carry, and with no token, an expired one and one signed by
 * another key. An allowed call gets a ticket prepared in a state that fits and must answer 2xx; a refused one
 * must answer exactly the table's status as problem+json and change nothing. Prints the matrix it saw.
 */
@ExtendWith(RunningPipeline.class)
class PermissionTableEndToEndTest {
    private static final PermissionTable TABLE = PermissionTable.fromCsv();
    private static final String OWN_UNIT = "heating-company";
    private static final String CO_UNIT = "housing-bureau";
    private static final String OTHER_UNIT = "water-authority";
    private static final String YEAR = "2025";
    private static final String OWNER = "perm-citizen-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String STRANGER = "perm-stranger-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PROBLEM_JSON = "application/problem+json";
    /** A mint whose key the api never saw: its tokens are well formed, signed, and must be refused. One for all rows. */
    private static final TokenMint FOREIGN_MINT = TokenMint.generate();
    private static final String REPLY = """
            {"result":"已修复楼内供暖阀门，室温恢复","outcome":"solved","handlerName":"周工","handlerPhone":"01064005678"}""";

    private static final String ATTACHMENT_AT_INTAKE = """
            {"fileName":"暖气片.jpg","contentType":"image/jpeg","size":2048,"purpose":"intake"}""";
    /** A file offered on each ticket that a GET of one attachment reads, by ticket id. */
    private static final Map<String, String> ATTACHMENT_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** What each endpoint needs to be called: the ticket state that fits, and whether an allowed call changes it. */
    enum Need { NONE, AWAITING_DISPATCH, DISPATCHED, SIGNED, CONTACTED, EXTENSION_PENDING, AWAITING_CALLBACK,
        /** Not a ticket: a draft notice of the own unit (heating-company), which scope "other" callers do not hold. */
        NOTICE_DRAFT }

    /** The status a knowledge-base article must be in for a call, NONE for calls on no article. */
    enum ArticleNeed { NONE, DRAFT, IN_REVIEW, PUBLISHED }

    /** changesTicket: an allowed call changes the ticket (or the article) it acts on, so each gets its own. */
    record Call(Need need, boolean changesTicket, String body, ArticleNeed article) {
        Call(Need need, boolean changesTicket, String body) {
            this(need, changesTicket, body, ArticleNeed.NONE);
        }
    }

    /** An article of the demo catalogue's heating matter, which OWN_UNIT leads. */
    private static final String ARTICLE = """
            {"question":"供暖季从哪天开始？","answer":"每年11月15日开始供暖。","basisDocument":"北京市供热采暖管理办法",
             "matters":["heating-not-warm"],"validFrom":"2026-01-01T00:00:00+08:00"}""";
    private static final String REASON = "{\"reason\":\"政策已调整\"}";
    private static final Map<ArticleNeed, String> SHARED_ARTICLES = new EnumMap<>(ArticleNeed.class);

    /** What the test saw in one cell. */
    record Cell(String observed, boolean ok, String problem) {
    }

    private static final Map<PermissionTable.Row, Map<String, Cell>> SEEN = new LinkedHashMap<>();
    /** Tickets that only refused (or read-only) calls touch, by state, with the version they had when prepared. */
    private static final Map<Need, String> SHARED = new EnumMap<>(Need.class);
    private static final Map<String, Long> SHARED_VERSIONS = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    private Call call(Api api, PermissionTable.Row row) {
        return switch (row.endpoint()) {
            case "POST /v1/tickets" -> new Call(Need.NONE, false, ticket("楼下暖气不热，已经三天了"));
            case "GET /v1/tickets/{id}", "GET /v1/tickets/{id}/history", "GET /v1/tickets/{id}/attachments",
                 "GET /v1/tickets/{id}/attachments/{attachmentId}" -> new Call(Need.DISPATCHED, false, null);
            // recorded beside the ticket, not on it: the ticket's version stays; contact files need a signed ticket
            case "POST /v1/tickets/{id}/attachments" -> new Call(Need.SIGNED, false, ATTACHMENT_AT_INTAKE);
            case "POST /v1/tickets/{id}/dispatch" ->
                    new Call(Need.AWAITING_DISPATCH, true, "{\"leadUnit\":\"" + OWN_UNIT + "\",\"coUnits\":[\"" + CO_UNIT + "\"]}");
            case "POST /v1/tickets/{id}/sign" -> new Call(Need.DISPATCHED, true, null);
            case "POST /v1/tickets/{id}/return" -> new Call(Need.SIGNED, true, "{\"reason\":\"不属于本单位职责\"}");
            case "POST /v1/tickets/{id}/contacts" -> new Call(Need.SIGNED, true, "{\"kind\":\"first\",\"note\":\"已电话联系\"}");
            case "POST /v1/tickets/{id}/reply" -> new Call(Need.CONTACTED, true, REPLY);
            case "POST /v1/tickets/{id}/extensions" -> new Call(Need.SIGNED, true, "{\"days\":1,\"reason\":\"需协调热源厂\"}");
            case "POST /v1/tickets/{id}/extensions/decision" -> new Call(Need.EXTENSION_PENDING, true, "{\"approved\":true,\"note\":\"同意\"}");
            case "POST /v1/tickets/{id}/callback" -> new Call(Need.AWAITING_CALLBACK, true, "{\"satisfaction\":\"satisfied\",\"solved\":true}");
            case "GET /v1/units/{unitId}/inbox", "GET /v1/dispatch/pending", "GET /v1/catalogue",
                 "GET /v1/admin/calendar/{year}", "GET /v1/rates", "GET /v1/rates/units/{unitId}",
                 "GET /v1/rankings/{month}", "GET /v1/search/tickets", "GET /v1/citizens/me/tickets",
                 "GET /v1/dashboard" -> new Call(Need.NONE, false, null);
            case "POST /v1/callers/tickets" -> new Call(Need.NONE, false, "{\"phone\":\"13600002468\"}");
            // the centre names the unit; heating-company's own staff may name their own
            case "POST /v1/notices" -> new Call(Need.NONE, false, notice());
            case "GET /v1/notices", "GET /v1/notices/active", "GET /v1/notices/public" -> new Call(Need.NONE, false, null);
            case "GET /v1/notices/{noticeId}" -> new Call(Need.NOTICE_DRAFT, false, null);
            case "PUT /v1/notices/{noticeId}" -> new Call(Need.NOTICE_DRAFT, true, notice());
            case "POST /v1/notices/{noticeId}/publish" -> new Call(Need.NOTICE_DRAFT, true, null);
            case "POST /v1/notices/{noticeId}/withdraw" -> new Call(Need.NOTICE_DRAFT, true, "{\"reason\":\"检修取消\"}");
            // an admin's training is asked of the training function (202 with its run); the shared run never has
            // enough history to train (RunningPipeline), so an import answers 409 and no model is in force (404)
            case "POST /v1/admin/routing/train", "GET /v1/admin/routing/runs/{run}", "GET /v1/admin/routing/model" ->
                    new Call(Need.NONE, false, null);
            case "POST /v1/admin/routing/import-uploads" -> new Call(Need.NONE, false, "{\"contentType\":\"text/csv\",\"size\":1024}");
            // no file was put there: the training function ends the run not-trained, saying so
            case "POST /v1/admin/routing/import-uploads/{upload}/train" -> new Call(Need.NONE, false, null);
            case "POST /v1/admin/routing/import" -> new Call(Need.NONE, false,
                    "[{\"text\":\"暖气不热\",\"category\":\"complaint\",\"location\":\"东城区\",\"unit\":\"heating-company\"}]");
            // the admin puts back what is there: the other tests keep the demo catalogue and the bundled calendar
            case "PUT /v1/catalogue" -> new Call(Need.NONE, false, api.get("/v1/catalogue", api.token("admin")).raw().body());
            case "PUT /v1/admin/calendar/{year}" -> new Call(Need.NONE, false, bundledHolidayList(YEAR));
            case "POST /v1/knowledge/articles" -> new Call(Need.NONE, false, ARTICLE);
            case "GET /v1/knowledge/articles", "GET /v1/knowledge/answers", "GET /v1/knowledge/public-answers",
                 "GET /v1/knowledge/units/{unitId}/failing", "GET /v1/admin/knowledge/synonyms" -> new Call(Need.NONE, false, null);
            case "GET /v1/knowledge/articles/{articleId}" -> new Call(Need.NONE, false, null, ArticleNeed.DRAFT);
            case "PUT /v1/knowledge/articles/{articleId}" -> new Call(Need.NONE, true, ARTICLE, ArticleNeed.DRAFT);
            case "POST /v1/knowledge/articles/{articleId}/submit" -> new Call(Need.NONE, true, null, ArticleNeed.DRAFT);
            case "POST /v1/knowledge/articles/{articleId}/publish" -> new Call(Need.NONE, true, null, ArticleNeed.IN_REVIEW);
            case "POST /v1/knowledge/articles/{articleId}/reject" -> new Call(Need.NONE, true, REASON, ArticleNeed.IN_REVIEW);
            case "POST /v1/knowledge/articles/{articleId}/withdraw" -> new Call(Need.NONE, true, REASON, ArticleNeed.PUBLISHED);
            case "POST /v1/knowledge/articles/{articleId}/feedback" -> new Call(Need.NONE, false, "{\"helpful\":true}", ArticleNeed.PUBLISHED);
            case "POST /v1/knowledge/articles/{articleId}/answered-my-question" -> new Call(Need.NONE, false, null, ArticleNeed.PUBLISHED);
            // the admin puts back the synonyms there are
            case "PUT /v1/admin/knowledge/synonyms" -> new Call(Need.NONE, false,
                    api.get("/v1/admin/knowledge/synonyms", api.token("admin")).raw().body());
            default -> fail("permissions.csv has a row for " + row.endpoint() + " that this test does not know how to call;"
                    + " teach call() what it needs");
        };
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheTableHoldsAgainstTheRunningApi(Api api) {
        List<DynamicTest> tests = new ArrayList<>();
        for (PermissionTable.Row row : TABLE.rows()) {
            tests.add(DynamicTest.dynamicTest(row.name(), () -> walk(api, row)));
        }
        tests.add(DynamicTest.dynamicTest("refused calls changed nothing", () -> {
            for (Map.Entry<String, Long> e : SHARED_VERSIONS.entrySet()) {
                JsonNode t = api.get(pathOf(e.getKey()), api.token("supervisor")).body();
                assertEquals(e.getValue(), t.path("version").asLong(), "ticket " + e.getKey() + " changed: " + t);
            }
        }));
        return tests.stream();
    }

    /**
     * The cells of a row are independent (an allowed call that changes a ticket gets its own, refused ones share one
     * that they must leave as it was), so a row's calls go out together: the walk takes a few seconds, not half a
     * minute of one call after another.
     */
    private static final java.util.concurrent.ExecutorService CALLERS =
            java.util.concurrent.Executors.newFixedThreadPool(4, io.jiesu.localcloud.DaemonThreads.named("permission-walk"));

    private void walk(Api api, PermissionTable.Row row) {
        Call call = call(api, row);
        Map<String, List<java.util.concurrent.Future<String[]>>> answers = new LinkedHashMap<>();
        for (String column : TABLE.columns()) {
            String expected = row.expected().get(column);
            List<java.util.concurrent.Future<String[]>> calls = new ArrayList<>();
            for (String token : tokens(api, row, column)) {
                calls.add(CALLERS.submit(() -> {
                    boolean allowed = PermissionTable.ALLOWED.equals(expected);
                    String id = call.article() != ArticleNeed.NONE
                            ? allowed && call.changesTicket() ? article(api, call.article()) : sharedArticle(api, call.article())
                            : call.need() == Need.NONE ? null
                            : allowed && call.changesTicket() ? prepare(api, call.need()) : shared(api, call.need());
                    Api.Reply r = send(api, row, id, token, bodyFor(row, column, call.body()));
                    return new String[]{Integer.toString(r.status()), allowed ? checkAllowed(row, column, r) : checkRefused(expected, r)};
                }));
            }
            answers.put(column, calls);
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Map.Entry<String, List<java.util.concurrent.Future<String[]>>> column : answers.entrySet()) {
            List<String> observed = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (java.util.concurrent.Future<String[]> answer : column.getValue()) {
                String[] seen = answered(answer);
                observed.add(seen[0]);
                if (seen[1] != null) {
                    problems.add(seen[1]);
                }
            }
            cells.put(column.getKey(), new Cell(String.join("/", observed), problems.isEmpty(), String.join("; ", problems)));
        }
        SEEN.put(row, cells);
        List<String> wrong = cells.entrySet().stream().filter(e -> !e.getValue().ok())
                .map(e -> e.getKey() + ": expected " + row.expected().get(e.getKey()) + ", " + e.getValue().problem())
                .toList();
        assertTrue(wrong.isEmpty(), row.name() + " does not hold:\n  " + String.join("\n  ", wrong));
    }

    /** A call's answer; a failure while preparing it (an assertion) fails the row as it would have unwalked. */
    private static String[] answered(java.util.concurrent.Future<String[]> answer) {
        try {
            return answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checkAllowed(PermissionTable.Row row, String column, Api.Reply r) {
        if (r.status() == 401 || r.status() == 403) {
            return "refused with " + r.status() + " " + r.raw().body();
        }
        if (r.status() < 200 || r.status() > 299) {
            return "not refused but answered " + r.status() + " although the ticket was prepared for it: " + r.raw().body();
        }
        if ("citizen".equals(column) && row.path().equals("/v1/tickets/{id}") && r.body().path("state").asText("").isEmpty()) {
            return "a citizen's own ticket shows no status: " + r.raw().body();
        }
        return null;
    }

    private static String checkRefused(String expected, Api.Reply r) {
        String type = r.raw().headers().firstValue("Content-Type").orElse("");
        if (!expected.equals(Integer.toString(r.status()))) {
            return "answered " + r.status() + " " + r.raw().body();
        }
        if (!PROBLEM_JSON.equals(type) || r.body().path("status").asInt() != r.status()) {
            return r.status() + " but not as problem+json (" + type + "): " + r.raw().body();
        }
        return null;
    }

    /** For each action on a ticket, a state in which the action is not allowed. */
    private static final Map<String, Need> WRONG_STATE = Map.of(
            "POST /v1/tickets/{id}/dispatch", Need.DISPATCHED,
            "POST /v1/tickets/{id}/sign", Need.SIGNED,
            "POST /v1/tickets/{id}/return", Need.DISPATCHED,
            "POST /v1/tickets/{id}/contacts", Need.DISPATCHED,
            "POST /v1/tickets/{id}/reply", Need.DISPATCHED,
            "POST /v1/tickets/{id}/extensions", Need.AWAITING_CALLBACK,
            "POST /v1/tickets/{id}/extensions/decision", Need.SIGNED,
            "POST /v1/tickets/{id}/callback", Need.DISPATCHED,
            "POST /v1/tickets/{id}/attachments", Need.DISPATCHED);

    /**
     * Authorisation before state: every refused cell of every action on a ticket, walked again on a ticket in a
     * state where the action is wrong, must answer the same refusal (403, 401), never the 409 that would tell a
     * caller who may not act on the ticket where it stands (a co-unit recording a contact on a dispatched ticket).
     */
    @Test
    void aCallerWhoMayNotActLearnsNothingOfTheTicketsState(Api api) {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        for (PermissionTable.Row row : TABLE.rows()) {
            if (!row.method().equals("POST") || !row.path().contains("{id}")) {
                continue;
            }
            Need state = WRONG_STATE.get(row.endpoint());
            assertNotNull(state, row.endpoint() + " acts on a ticket: teach WRONG_STATE a state where it is not allowed");
            String id = shared(api, state);
            versions.put(id, SHARED_VERSIONS.get(id));
            String body = call(api, row).body();
            for (String column : TABLE.columns()) {
                String expected = row.expected().get(column);
                if (PermissionTable.ALLOWED.equals(expected)) {
                    continue;
                }
                for (String token : tokens(api, row, column)) {
                    String problem = checkRefused(expected, send(api, row, id, token, body));
                    if (problem != null) {
                        wrong.add(row.name() + " on a " + state.name().toLowerCase() + " ticket, " + column
                                + ": expected " + expected + ", " + problem);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "refused callers learnt the ticket's state:\n  " + String.join("\n  ", wrong));
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            assertEquals(e.getValue(), api.get("/v1/tickets/" + e.getKey(), api.token("supervisor")).body().path("version").asLong(),
                    "refused calls changed nothing on " + e.getKey());
        }
    }

    // ---- callers -----------------------------------------------------------------------------------------------

    /** The tokens a column stands for, scoped as the row says (own: the owner citizen and the lead unit). */
    private static List<String> tokens(Api api, PermissionTable.Row row, String column) {
        TokenMint mint = api.run.mint();
        Duration hour = Duration.ofHours(1);
        String unit = switch (row.scope()) {
            case "co" -> CO_UNIT;
            case "other" -> OTHER_UNIT;
            default -> OWN_UNIT;
        };
        return switch (column) {
            case "citizen" -> List.of(mint.mint(List.of("own", "-").contains(row.scope()) ? OWNER : STRANGER, "citizen", null, hour));
            case "unit" -> List.of(mint.mint("staff-" + unit, "unit", unit, hour));
            case "reviewer" -> List.of(mint.mint("reviewer-" + unit, "reviewer", unit, hour));
            case PermissionTable.NOT_A_TOKEN_ROLE -> List.of(mint.mint("system-e2e", "system", null, hour),
                    mint.mint("province-e2e", "province", null, hour));
            case PermissionTable.NO_VALID_TOKEN -> {
                // each bad token claims a role the row allows, so only the token itself can be why it is refused
                String role = PermissionTable.ROLES.stream().filter(r -> PermissionTable.ALLOWED.equals(row.expected().get(r)))
                        .findFirst().orElse("admin");
                String subject = "citizen".equals(role) ? OWNER : role + "-e2e";
                String roleUnit = List.of("unit", "reviewer").contains(role) ? unit : null;
                List<String> bad = new ArrayList<>();
                bad.add(null);
                bad.add(mint.mint(subject, role, roleUnit, Instant.now().minusSeconds(7200), hour));
                bad.add(FOREIGN_MINT.mint(subject, role, roleUnit, hour));
                yield bad;
            }
            default -> List.of(api.token(column));
        };
    }

    /** A file belongs to a step: the agent and the citizen attach at intake, unit staff with their contacts. */
    private static String bodyFor(PermissionTable.Row row, String column, String body) {
        return row.endpoint().equals("POST /v1/tickets/{id}/attachments") && List.of("unit", "reviewer").contains(column)
                ? body.replace("\"intake\"", "\"contact\"") : body;
    }

    private static volatile String trainingRun;

    /** A training run an admin asked for, for the calls that look one up. */
    private static synchronized String trainingRun(Api api) {
        if (trainingRun == null) {
            Api.Reply asked = api.post("/v1/admin/routing/train", api.token("admin"), null);
            assertEquals(202, asked.status(), "asking for a training to prepare a call: " + asked.raw().body());
            trainingRun = asked.body().path("run").asText();
        }
        return trainingRun;
    }

    private static Api.Reply send(Api api, PermissionTable.Row row, String id, String token, String body) {
        String path = row.path().replace("{unitId}", OWN_UNIT).replace("{year}", YEAR).replace("{month}", "2026-11");
        if (path.contains("{attachmentId}")) {
            path = path.replace("{attachmentId}", ATTACHMENT_OF.computeIfAbsent(id, ticket -> {
                Api.Reply offered = api.post("/v1/tickets/" + ticket + "/attachments", api.token("agent"), ATTACHMENT_AT_INTAKE);
                assertEquals(201, offered.status(), "offering a file to prepare a call: " + offered.raw().body());
                return offered.body().path("attachment").path("id").asText();
            }));
        }
        if (path.contains("{id}")) {
            path = path.replace("{id}", id);
        }
        if (path.contains("{noticeId}")) {
            path = path.replace("{noticeId}", id);
        }
        if (path.contains("{articleId}")) {
            path = path.replace("{articleId}", id);
        }
        if (path.contains("{upload}")) {
            // an upload id of the api's making, never filled: the run it asks for ends not-trained
            path = path.replace("{upload}", "20261201T000000Z-00000000.csv");
        }
        if (path.contains("{run}")) {
            path = path.replace("{run}", trainingRun(api));
        }
        HttpRequest.Builder b = api.request(path, token);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        switch (row.method()) {
            case "GET" -> b.GET();
            case "POST" -> b.header("Content-Type", "application/json").POST(publisher);
            case "PUT" -> b.header("Content-Type", "application/json").PUT(publisher);
            default -> fail("no such method in this test: " + row.method());
        }
        return api.send(b.build());
    }

    // ---- tickets in the state a call needs ----------------------------------------------------------------------

    /** A ticket filed online by the owner citizen; the catalogue routes 暖气 to heating-company with housing-bureau. */
    private static String ticket(String content) {
        return """
                {"category":"complaint","channel":"web","content":"%s","citizenName":"柳权限","citizenPhone":"13600002468",
                 "location":"东城区和平里5号楼"}""".formatted(content);
    }

    private static synchronized String shared(Api api, Need need) {
        return SHARED.computeIfAbsent(need, n -> {
            String id = prepare(api, n);
            SHARED_VERSIONS.put(id, api.get(pathOf(id), api.token("supervisor")).body().path("version").asLong());
            return id;
        });
    }

    /** Where a prepared ticket or notice is read. */
    private static String pathOf(String id) {
        return id.startsWith("N") ? "/v1/notices/" + id : "/v1/tickets/" + id;
    }

    /**
     * A notice of heating-company's: a heating cut in a place no other test names (so it links no one's ticket), in
     * force from yesterday to long after any time the run travels to, so it can be published whenever the walk comes.
     */
    private static String notice() {
        return """
                {"kind":"heating","title":"权限测试停暖通知","text":"换热站检修，暂停供暖。","areas":[{"place":"权限测试街%s号"}],
                 "from":"%s","to":"2099-01-01T00:00:00+08:00","unit":"%s"}""".formatted(OWNER, Instant.now().minus(Duration.ofDays(1)), OWN_UNIT);
    }

    private static String prepare(Api api, Need need) {
        if (need == Need.NOTICE_DRAFT) {
            Api.Reply drafted = api.post("/v1/notices", api.unitToken(OWN_UNIT), notice());
            assertEquals(201, drafted.status(), "drafting a notice to prepare a call: " + drafted.raw().body());
            return drafted.text("id");
        }
        String citizen = api.run.mint().mint(OWNER, "citizen", null, Duration.ofHours(1));
        String dispatcher = api.token("dispatcher");
        String unit = api.unitToken(OWN_UNIT);
        if (need == Need.AWAITING_DISPATCH) {
            // nothing in the catalogue fits a broken street lamp: a dispatcher must route it
            String id = created(api.post("/v1/tickets", citizen, ticket("小区门口路灯不亮")));
            api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("awaiting_dispatch"), "awaiting a dispatcher");
            return id;
        }
        String id = created(api.post("/v1/tickets", citizen, ticket("楼里暖气不热，室温只有15度")));
        api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("dispatched")
                && t.path("leadUnit").asText().equals(OWN_UNIT), "dispatched to " + OWN_UNIT);
        if (need == Need.DISPATCHED) {
            return id;
        }
        ok(api.post("/v1/tickets/" + id + "/sign", unit, null));
        switch (need) {
            case SIGNED -> {
            }
            case EXTENSION_PENDING -> ok(api.post("/v1/tickets/" + id + "/extensions", unit, "{\"days\":1,\"reason\":\"需协调热源厂\"}"));
            case CONTACTED, AWAITING_CALLBACK -> {
                ok(api.post("/v1/tickets/" + id + "/contacts", unit, "{\"kind\":\"first\"}"));
                if (need == Need.AWAITING_CALLBACK) {
                    ok(api.post("/v1/tickets/" + id + "/reply", api.reviewerToken(OWN_UNIT), REPLY));
                    api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("awaiting_callback"), "awaiting its callback");
                }
            }
            default -> fail("cannot prepare " + need);
        }
        return id;
    }

    // ---- knowledge-base articles in the status a call needs, owned by OWN_UNIT ---------------------------------

    private static synchronized String sharedArticle(Api api, ArticleNeed need) {
        return SHARED_ARTICLES.computeIfAbsent(need, n -> article(api, n));
    }

    private static String article(Api api, ArticleNeed need) {
        Api.Reply drafted = api.post("/v1/knowledge/articles", api.unitToken(OWN_UNIT), ARTICLE);
        assertEquals(201, drafted.status(), "drafting an article to prepare a call: " + drafted.raw().body());
        String id = drafted.text("id");
        if (need != ArticleNeed.DRAFT) {
            ok(api.post("/v1/knowledge/articles/" + id + "/submit", api.unitToken(OWN_UNIT), null));
        }
        if (need == ArticleNeed.PUBLISHED) {
            ok(api.post("/v1/knowledge/articles/" + id + "/publish", api.token("dispatcher"), null));
        }
        return id;
    }

    private static String created(Api.Reply r) {
        assertEquals(201, r.status(), "filing a ticket to prepare a call: " + r.raw().body());
        return r.text("id");
    }

    private static void ok(Api.Reply r) {
        assertEquals(200, r.status(), "preparing a ticket: " + r.raw().body());
    }

    private static String bundledHolidayList(String year) {
        try (InputStream in = PermissionTableEndToEndTest.class.getResourceAsStream("/holidays-cn/" + year + ".json")) {
            assertNotNull(in, "the bundled holiday list for " + year);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the table itself ---------------------------------------------------------------------------------------

    @Test
    void everyEndpointOfTheApiHasARowAndEveryRowAnEndpoint(Api api) {
        Api.Reply openapi = api.get("/q/openapi?format=json", null);
        assertEquals(200, openapi.status());
        TreeSet<String> published = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.body().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            // the provincial platform's webhooks are signed with HMAC, not a bearer token
            if (!p.getKey().startsWith("/v1/") || p.getKey().startsWith("/v1/province")) {
                continue;
            }
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) {
                    published.add(m.toUpperCase() + " " + p.getKey());
                }
            });
        }
        TreeSet<String> written = TABLE.rows().stream().map(PermissionTable.Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, written, "permissions.csv lists exactly the endpoints the api publishes (without /v1/province)");
    }

    @Test
    void theReadmeTableMirrorsTheWrittenTable() {
        Path readme = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize().resolve("README.md");
        PermissionTable inReadme = PermissionTable.fromReadme(readme);
        assertEquals(TABLE.rows().stream().map(PermissionTable.Row::cells).toList(),
                inReadme.rows().stream().map(PermissionTable.Row::cells).toList(),
                "README.md's \"Who may do what\" must mirror permissions.csv; the table to paste:\n" + TABLE.markdown());
    }

    @AfterAll
    static void printTheMatrix() {
        if (SEEN.isEmpty()) {
            return;
        }
        int first = Math.max("endpoint (scope)".length(), SEEN.keySet().stream().mapToInt(r -> r.name().length()).max().orElse(0));
        List<Integer> widths = new ArrayList<>();
        for (String c : TABLE.columns()) {
            int w = c.length();
            for (Map<String, Cell> cells : SEEN.values()) {
                Cell cell = cells.get(c);
                w = Math.max(w, label(cell).length());
            }
            widths.add(w);
        }
        StringBuilder out = new StringBuilder("\nPermission matrix as the running api answered (2xx = allowed;"
                + " several statuses: one per token of the column; ✗ = not as permissions.csv says)\n");
        out.append(pad("endpoint (scope)", first));
        for (int i = 0; i < widths.size(); i++) {
            out.append(" | ").append(pad(TABLE.columns().get(i), widths.get(i)));
        }
        out.append('\n').append("-".repeat(first));
        widths.forEach(w -> out.append("-+-").append("-".repeat(w)));
        out.append('\n');
        int wrong = 0;
        for (Map.Entry<PermissionTable.Row, Map<String, Cell>> e : SEEN.entrySet()) {
            out.append(pad(e.getKey().name(), first));
            for (int i = 0; i < widths.size(); i++) {
                Cell cell = e.getValue().get(TABLE.columns().get(i));
                wrong += cell.ok() ? 0 : 1;
                out.append(" | ").append(pad(label(cell), widths.get(i)));
            }
            out.append('\n');
        }
        out.append(SEEN.size()).append(" rows x ").append(TABLE.columns().size()).append(" columns walked; ")
                .append(wrong).append(" cell(s) not as written\n");
        System.out.println(out);
    }

    private static String label(Cell cell) {
        return cell.observed() + (cell.ok() ? "" : " ✗");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
