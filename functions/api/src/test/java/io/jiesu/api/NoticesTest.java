package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.jiesu.api.TestApi.assertField;
import static io.jiesu.api.TestApi.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Notices of cuts and closures over HTTP: who writes, publishes and reads them, the desk's and the public's notices
 * for a place, the lists, every refusal as problem+json naming the field, and a ticket filed in a noticed place during
 * the notice linked to it (one outside not).
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class NoticesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WATER = "water-authority";

    @TestHTTPResource("/")
    java.net.URL base;
    @Inject
    Clock clock;
    TestApi api;
    /** A place no other test names, so the notices here link no one else's tickets. */
    String place;

    @BeforeEach
    void api() throws Exception {
        api = new TestApi(base.toURI());
        place = "柳荫街" + UUID.randomUUID().toString().substring(0, 6) + "号院";
    }

    private String notice(String kind, String areas, Duration startsIn, Duration lasts, String unit) {
        OffsetDateTime from = clock.instant().plus(startsIn).atZone(SHANGHAI).toOffsetDateTime();
        return """
                {"kind":"%s","title":"停水通知","text":"因管线维修暂停供水，请提前储水。","areas":%s,
                 "from":"%s","to":"%s"%s}""".formatted(kind, areas, from, from.plus(lasts),
                unit == null ? "" : ",\"unit\":\"" + unit + "\"");
    }

    private String waterCutHere(Duration startsIn) {
        return notice("water", "[{\"place\":\"" + place + "\"}]", startsIn, Duration.ofHours(12), null);
    }

    private String published(String body) {
        TestApi.Reply drafted = api.post("/v1/notices", TestApi.unitToken(WATER), body);
        assertEquals(201, drafted.status(), drafted.raw().body());
        String id = drafted.text("id");
        TestApi.Reply published = api.post("/v1/notices/" + id + "/publish", TestApi.reviewerToken(WATER), null);
        assertEquals(200, published.status(), published.raw().body());
        return id;
    }

    @Test
    void theUnitDraftsItsReviewerPublishesAheadOfTimeAndAgentsSeeItMarkedUpcoming() {
        TestApi.Reply drafted = api.post("/v1/notices", TestApi.unitToken(WATER), waterCutHere(Duration.ofHours(3)));
        assertEquals(201, drafted.status(), drafted.raw().body());
        String id = drafted.text("id");
        assertTrue(drafted.raw().headers().firstValue("Location").orElse("").endsWith("/v1/notices/" + id));
        assertEquals("draft", drafted.text("status"));
        assertEquals(WATER, drafted.text("unit"));
        assertEquals("+08:00", drafted.text("from").substring(drafted.text("from").length() - 6), "times in the deployment's zone");

        assertProblem(api.get("/v1/notices/" + id, TestApi.token("agent")), 403); // agents read what is decided
        assertProblem(api.get("/v1/notices/" + id, TestApi.unitToken("heating-company")), 403); // another unit's draft
        assertProblem(api.post("/v1/notices/" + id + "/publish", TestApi.unitToken(WATER), null), 403); // the head publishes
        assertProblem(api.post("/v1/notices/" + id + "/publish", TestApi.reviewerToken("heating-company"), null), 403);

        TestApi.Reply published = api.post("/v1/notices/" + id + "/publish", TestApi.reviewerToken(WATER), null);
        assertEquals(200, published.status(), published.raw().body());
        assertEquals("published", published.text("status"));
        assertTrue(published.body().path("upcoming").asBoolean());
        assertProblem(api.post("/v1/notices/" + id + "/publish", TestApi.reviewerToken(WATER), null), 409);

        TestApi.Reply read = api.get("/v1/notices/" + id, TestApi.token("agent"));
        assertEquals(200, read.status(), read.raw().body());
        assertEquals(0, read.body().path("linkedTickets").asLong());

        List<JsonNode> desk = list(api.get("/v1/notices/active?words=" + enc(place), TestApi.token("agent")));
        assertEquals(id, desk.get(0).path("notice").path("id").asText(), "the caller's place first");
        assertTrue(desk.get(0).path("matches").asBoolean());
        assertTrue(desk.get(0).path("upcoming").asBoolean());
    }

    @Test
    void theCentreWritesForAUnitItNamesAndOthersWriteNothing() {
        String body = waterCutHere(Duration.ofHours(1));
        assertField(api.post("/v1/notices", TestApi.token("dispatcher"), body), 422, "unit");
        TestApi.Reply forWater = api.post("/v1/notices", TestApi.token("dispatcher"),
                notice("water", "[{\"place\":\"" + place + "\"}]", Duration.ofHours(1), Duration.ofHours(2), WATER));
        assertEquals(201, forWater.status(), forWater.raw().body());
        assertEquals(WATER, forWater.text("unit"));
        assertProblem(api.post("/v1/notices", TestApi.unitToken("heating-company"),
                notice("water", "[{\"place\":\"" + place + "\"}]", Duration.ofHours(1), Duration.ofHours(2), WATER)), 403);
        for (String role : List.of("agent", "supervisor", "citizen")) {
            assertProblem(api.post("/v1/notices", TestApi.token(role), body), 403);
        }
        assertProblem(api.post("/v1/notices", null, body), 401);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String unit = TestApi.unitToken(WATER);
        assertField(api.post("/v1/notices", unit, waterCutHere(Duration.ZERO).replace("\"title\":\"停水通知\",", "")), 400, "title");
        assertField(api.post("/v1/notices", unit, waterCutHere(Duration.ZERO).replace("\"water\"", "\"flood\"")), 400, "kind");
        assertField(api.post("/v1/notices", unit, notice("water", "[]", Duration.ZERO, Duration.ofHours(1), null)), 400, "areas");
        assertField(api.post("/v1/notices", unit, notice("water", "[{\"place\":\"" + place + "\"}]", Duration.ZERO,
                Duration.ofHours(-1), null)), 422, "to");
        assertField(api.post("/v1/notices", unit, notice("water", "[{\"street\":\"no-such-street\"}]", Duration.ZERO,
                Duration.ofHours(1), null)), 422, "areas[0].street");
        assertField(api.post("/v1/notices", unit, notice("water", "[{\"place\":\" \"}]", Duration.ZERO,
                Duration.ofHours(1), null)), 422, "areas[0]");
        assertField(api.post("/v1/notices", unit, waterCutHere(Duration.ZERO).replace("\"from\":\"", "\"from\":\"yesterday")), 400, "from");
        assertField(api.get("/v1/notices?day=18-11-2026", unit), 400, "day");
        assertField(api.get("/v1/notices?status=lost", unit), 400, "status");
        assertField(api.get("/v1/notices?cursor=bm90LWEtY3Vyc29y", unit), 400, "cursor");
        assertField(api.get("/v1/notices/active?ahead=1000", unit), 400, "ahead");
        assertProblem(api.get("/v1/notices/N20261118-NOSUCH00", unit), 404);
        assertProblem(api.get("/v1/notices/not-a-notice", unit), 404);
    }

    @Test
    void aPublishedNoticeIsChangedByItsHeadOnlyAndOnceWithdrawnNotAtAll() {
        String id = published(waterCutHere(Duration.ofHours(1)));
        String longer = notice("water", "[{\"place\":\"" + place + "\"}]", Duration.ofHours(1), Duration.ofHours(20), null);
        assertProblem(put("/v1/notices/" + id, TestApi.unitToken(WATER), longer), 403);
        TestApi.Reply changed = put("/v1/notices/" + id, TestApi.reviewerToken(WATER), longer);
        assertEquals(200, changed.status(), changed.raw().body());
        assertEquals(3, changed.body().path("version").asLong());

        TestApi.Reply withdrawn = api.post("/v1/notices/" + id + "/withdraw", TestApi.token("dispatcher"), "{\"reason\":\"维修取消\"}");
        assertEquals(200, withdrawn.status(), withdrawn.raw().body());
        assertEquals("withdrawn", withdrawn.text("status"));
        assertEquals("维修取消", withdrawn.text("withdrawReason"));
        assertProblem(put("/v1/notices/" + id, TestApi.reviewerToken(WATER), longer), 409);
        assertProblem(api.post("/v1/notices/" + id + "/withdraw", TestApi.reviewerToken(WATER), null), 409);
        assertTrue(list(api.get("/v1/notices/active?words=" + enc(place), TestApi.token("agent"))).stream()
                .noneMatch(n -> n.path("notice").path("id").asText().equals(id)), "a withdrawn notice leaves the desk");
    }

    @Test
    void aTicketFiledInTheNoticedPlaceDuringTheNoticeIsLinkedAndOneOutsideIsNot() {
        String id = published(waterCutHere(Duration.ofHours(-1)));

        TestApi.Reply inside = api.post("/v1/tickets", TestApi.token("agent"), complaint(place + "3单元", "家里从早上开始停水了"));
        TestApi.Reply outside = api.post("/v1/tickets", TestApi.token("agent"), complaint("银锭桥胡同" + UUID.randomUUID(), "家里从早上开始停水了"));
        TestApi.Reply otherMatter = api.post("/v1/tickets", TestApi.token("agent"), complaint(place + "5单元", "楼下餐馆油烟扰民"));
        assertEquals(201, inside.status(), inside.raw().body());
        assertEquals(id, inside.text("notice"));
        assertNull(outside.text("notice"), outside.raw().body());
        assertNull(otherMatter.text("notice"), "a complaint of another matter from the same place is not about the cut");

        String ticket = inside.text("id");
        assertEquals(id, api.get("/v1/tickets/" + ticket, TestApi.token("supervisor")).text("notice"));
        JsonNode intake = api.get("/v1/tickets/" + ticket + "/history", TestApi.token("supervisor")).body().get(0);
        assertEquals(id, intake.path("detail").path("notice").asText(), "the intake event records the link");
        assertEquals(1, api.get("/v1/notices/" + id, TestApi.token("supervisor")).body().path("linkedTickets").asLong());
    }

    @Test
    void theDeskShowsTheCallersStreetFirstThenTheRestOfTheDistrictAndCitizensGetThePublicView() {
        String mine = published(notice("gas", "[{\"street\":\"street-office-west\",\"place\":\"" + place + "\"}]",
                Duration.ofHours(-1), Duration.ofHours(5), null));
        String elsewhere = published(notice("power", "[{\"place\":\"别处" + place + "\"}]", Duration.ofMinutes(-30),
                Duration.ofHours(5), null));
        List<JsonNode> desk = list(api.get("/v1/notices/active?street=street-office-west&words=" + enc(place), TestApi.token("agent")));
        List<String> ids = new ArrayList<>();
        desk.forEach(n -> ids.add(n.path("notice").path("id").asText()));
        assertEquals(mine, ids.get(0));
        assertTrue(ids.indexOf(elsewhere) > 0, "the rest of the district's after: " + ids);
        assertFalse(desk.get(ids.indexOf(elsewhere)).path("matches").asBoolean());
        assertEquals("西城街道办事处", desk.get(0).path("notice").path("areas").get(0).path("streetName").asText());

        TestApi.Reply forCitizens = api.get("/v1/notices/public?words=" + enc(place), TestApi.token("citizen"));
        assertEquals(200, forCitizens.status(), forCitizens.raw().body());
        JsonNode first = forCitizens.body().get(0);
        assertEquals(mine, first.path("id").asText());
        assertEquals("区水务局", first.path("unitName").asText());
        assertTrue(first.path("createdBy").isMissingNode(), "nothing of its making");
        assertProblem(api.get("/v1/notices/active", TestApi.token("citizen")), 403);
        for (String id : List.of(mine, elsewhere)) {
            assertEquals(200, api.post("/v1/notices/" + id + "/withdraw", TestApi.reviewerToken(WATER), "{}").status());
        }
    }

    @Test
    void theListFiltersByStatusKindAndDayPagesByCursorAndShowsDraftsOnlyToThoseWhoMaySeeThem() {
        String draft = api.post("/v1/notices", TestApi.unitToken(WATER), waterCutHere(Duration.ofHours(2))).text("id");
        String live = published(waterCutHere(Duration.ofHours(1)));
        String today = clock.instant().atZone(SHANGHAI).toLocalDate().toString();

        assertTrue(ids(all("/v1/notices?status=published&kind=water&day=" + today, TestApi.token("agent"))).contains(live));
        assertFalse(ids(all("/v1/notices?kind=power", TestApi.token("agent"))).contains(live));
        assertFalse(ids(all("/v1/notices", TestApi.token("agent"))).contains(draft), "agents list no drafts");
        assertEquals(List.of(), ids(all("/v1/notices?status=draft", TestApi.token("agent"))));
        assertFalse(ids(all("/v1/notices", TestApi.unitToken("heating-company"))).contains(draft), "another unit's draft");
        assertTrue(ids(all("/v1/notices?status=draft", TestApi.unitToken(WATER))).contains(draft));
        assertTrue(ids(all("/v1/notices?status=draft", TestApi.token("supervisor"))).contains(draft));

        TestApi.Reply first = api.get("/v1/notices?limit=1", TestApi.token("supervisor"));
        assertEquals(200, first.status());
        assertEquals(1, first.body().size());
        assertTrue(first.raw().headers().firstValue("Next-Cursor").isPresent(), "more than one notice: a next page");
    }

    /** Every page of a list, following Next-Cursor. */
    private List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            TestApi.Reply r = api.get(path + (path.contains("?") ? "&" : "?") + "limit=200" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, r.status(), r.raw().body());
            r.body().forEach(items::add);
            cursor = r.raw().headers().firstValue("Next-Cursor").orElse(null);
            if (cursor == null) {
                break;
            }
        }
        return items;
    }

    private static List<String> ids(List<JsonNode> notices) {
        return notices.stream().map(n -> n.path("id").asText()).toList();
    }

    private static List<JsonNode> list(TestApi.Reply r) {
        assertEquals(200, r.status(), r.raw().body());
        List<JsonNode> items = new ArrayList<>();
        r.body().forEach(items::add);
        return items;
    }

    private TestApi.Reply put(String path, String token, String json) {
        return api.send(api.request(path, token).header("Content-Type", TestApi.JSON)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String complaint(String location, String content) {
        return """
                {"category":"complaint","channel":"phone","content":"%s","citizenName":"王五","citizenPhone":"13812340000",
                 "location":"%s"}""".formatted(content, location);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
