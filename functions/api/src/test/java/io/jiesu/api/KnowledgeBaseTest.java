package io.jiesu.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.jiesu.localcloud.testing.LocalCloudResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.jiesu.api.TestApi.assertField;
import static io.jiesu.api.TestApi.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The knowledge base over HTTP: a unit drafts, the centre publishes, agents find and mark the answer, citizens see
 * only what is meant for them; every refusal as problem+json with its status and the field to fix.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class KnowledgeBaseTest {
    private static final String HEATING = "heating-company";
    private static final String ARTICLES = "/v1/knowledge/articles";

    @TestHTTPResource("/")
    java.net.URL base;
    @jakarta.inject.Inject
    java.time.Clock clock;
    @jakarta.inject.Inject
    io.jiesu.aws.dashboard.FigureItems figures;
    TestApi api;

    @BeforeEach
    void api() throws Exception {
        api = new TestApi(base.toURI());
    }

    /** A unique word per test, so the shared index's other articles do not get in the way. */
    private static String word() {
        return "暖气" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String article(String question, String answer, boolean citizens) {
        return """
                {"question":"%s","variants":["暖气什么时候来"],"answer":"%s","internalNote":"投诉温度请另建工单",
                 "basisDocument":"北京市供热采暖管理办法","basisNumber":"北京市人民政府令第216号",
                 "matters":["heating-not-warm"],"categories":["供暖"],"validFrom":"2026-11-01T00:00:00+08:00",
                 "validTo":"2027-04-01T00:00:00+08:00","citizensMaySee":%s}""".formatted(question, answer, citizens);
    }

    private String drafted(String body) {
        TestApi.Reply r = api.post(ARTICLES, TestApi.unitToken(HEATING), body);
        assertEquals(201, r.status(), r.raw().body());
        assertEquals("draft", r.text("status"));
        return r.text("id");
    }

    private String published(String body) {
        String id = drafted(body);
        assertEquals(200, api.post(ARTICLES + "/" + id + "/submit", TestApi.reviewerToken(HEATING), null).status());
        TestApi.Reply p = api.post(ARTICLES + "/" + id + "/publish", TestApi.token("dispatcher"), null);
        assertEquals(200, p.status(), p.raw().body());
        assertEquals("published", p.text("status"));
        return id;
    }

    private TestApi.Reply answers(String path, String role, String q) {
        return api.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), TestApi.token(role));
    }

    @Test
    void aPublishedArticleAnswersAgentsAndARevisionAnswersOnlyOncePublished() {
        String w = word();
        String id = published(article(w + "供暖季从哪天开始", "每年11月15日开始供暖。", true));

        TestApi.Reply found = answers("/v1/knowledge/answers", "agent", w + "什么时候供暖");
        assertEquals(200, found.status(), found.raw().body());
        assertEquals(id, found.body().get(0).path("articleId").asText());
        assertEquals(1, found.body().get(0).path("version").asInt());

        TestApi.Reply revised = api.put(ARTICLES + "/" + id, TestApi.unitToken(HEATING),
                article(w + "供暖季从哪天开始", "每年11月15日开始，寒潮时提前。", true));
        assertEquals(200, revised.status(), revised.raw().body());
        assertEquals("draft", revised.text("status"));
        assertEquals(1, revised.body().path("publishedVersion").asInt());
        assertEquals("每年11月15日开始供暖。", answers("/v1/knowledge/answers", "agent", w).body().get(0).path("answer").asText(),
                "the published version answers while the new one is a draft");

        api.post(ARTICLES + "/" + id + "/submit", TestApi.unitToken(HEATING), null);
        api.post(ARTICLES + "/" + id + "/publish", TestApi.token("admin"), null);
        TestApi.Reply now = answers("/v1/knowledge/answers", "agent", w);
        assertEquals(2, now.body().get(0).path("version").asInt());

        TestApi.Reply read = api.get(ARTICLES + "/" + id, TestApi.token("agent"));
        assertEquals(2, read.body().path("versions").size(), "every version kept");
        assertEquals("superseded", read.body().path("versions").get(0).path("status").asText());
    }

    @Test
    void theCentreSendsBackWithAReasonAndAWithdrawnArticleNoLongerAnswers() {
        String w = word();
        String id = drafted(article(w + "暖气费怎么交", "可在营业厅或线上缴纳。", true));
        api.post(ARTICLES + "/" + id + "/submit", TestApi.unitToken(HEATING), null);
        assertField(api.post(ARTICLES + "/" + id + "/reject", TestApi.token("dispatcher"), "{\"reason\":\" \"}"), 400, "reason");
        TestApi.Reply back = api.post(ARTICLES + "/" + id + "/reject", TestApi.token("dispatcher"), "{\"reason\":\"请补充缴费渠道\"}");
        assertEquals("draft", back.text("status"));
        assertEquals("请补充缴费渠道", back.body().path("versions").get(0).path("note").asText());

        String p = published(article(w + "暖气费标准", "每平方米30元。", true));
        assertFalse(answers("/v1/knowledge/answers", "agent", w + "暖气费标准").body().isEmpty());
        TestApi.Reply withdrawn = api.post(ARTICLES + "/" + p + "/withdraw", TestApi.unitToken(HEATING), "{\"reason\":\"价格调整\"}");
        assertEquals("expired", withdrawn.text("status"), withdrawn.raw().body());
        for (var hit : answers("/v1/knowledge/answers", "agent", w + "暖气费标准").body()) {
            assertNotEquals(p, hit.path("articleId").asText(), "withdrawn: out of the answers");
        }
    }

    @Test
    void citizensSeeOnlyArticlesMeantForThemAndNeverTheInternalNote() {
        String w = word();
        String open = published(article(w + "供暖期多长", "供暖期为每年11月15日至次年3月15日。", true));
        String internal = published(article(w + "供暖期延长", "由市政府决定，坐席请转热力公司。", false));
        TestApi.Reply r = answers("/v1/knowledge/public-answers", "citizen", w + "供暖期");
        assertEquals(200, r.status(), r.raw().body());
        List<String> ids = new ArrayList<>();
        r.body().forEach(h -> ids.add(h.path("articleId").asText()));
        assertTrue(ids.contains(open), r.raw().body());
        assertFalse(ids.contains(internal), r.raw().body());
        assertFalse(r.raw().body().contains("另建工单"), "the agents' note never reaches citizens");
        assertProblem(answers("/v1/knowledge/public-answers", "agent", w), 403);
        assertProblem(answers("/v1/knowledge/answers", "citizen", w), 403);
    }

    @Test
    void agentsMarkAnswersAndOftenFailingOnesAreListedForTheirUnit() {
        String w = word();
        String id = published(article(w + "暖气不热找谁", "请联系物业或热力公司。", true));
        for (int i = 0; i < 10; i++) {
            TestApi.Reply m = api.post(ARTICLES + "/" + id + "/feedback", TestApi.token("agent"), "{\"helpful\":" + (i < 2) + "}");
            assertEquals(200, m.status(), m.raw().body());
        }
        TestApi.Reply failing = api.get("/v1/knowledge/units/" + HEATING + "/failing", TestApi.reviewerToken(HEATING));
        assertEquals(200, failing.status(), failing.raw().body());
        List<String> ids = new ArrayList<>();
        failing.body().forEach(a -> ids.add(a.path("id").asText()));
        assertTrue(ids.contains(id), failing.raw().body());
        assertProblem(api.get("/v1/knowledge/units/" + HEATING + "/failing", TestApi.unitToken("water-authority")), 403);
        String draft = drafted(article(w + "草稿", "草稿", true));
        assertProblem(api.post(ARTICLES + "/" + draft + "/feedback", TestApi.token("agent"), "{\"helpful\":true}"), 409);
        assertField(api.post(ARTICLES + "/" + id + "/feedback", TestApi.token("agent"), "{}"), 400, "helpful");
    }

    @Test
    void refusalsNameTheRuleAndTheField() {
        String other = article("停水了怎么办", "答", true).replace("heating-not-warm", "water-outage");
        assertProblem(api.post(ARTICLES, TestApi.unitToken(HEATING), other), 403);
        assertField(api.post(ARTICLES, TestApi.unitToken(HEATING), article("问", "答", true)
                .replace("heating-not-warm", "no-such-matter")), 422, "matters");
        assertField(api.post(ARTICLES, TestApi.unitToken(HEATING), article("问", "答", true)
                .replace("\"validTo\":\"2027-04-01T00:00:00+08:00\"", "\"validTo\":\"2026-10-01T00:00:00+08:00\"")), 422, "validTo");
        assertField(api.post(ARTICLES, TestApi.unitToken(HEATING), article("", "答", true)), 400, "question");
        assertField(api.post(ARTICLES, TestApi.unitToken(HEATING), article("问", "答", true)
                .replace("\"basisDocument\":\"北京市供热采暖管理办法\"", "\"basisDocument\":\"\"")), 400, "basisDocument");
        assertProblem(api.post(ARTICLES, TestApi.token("dispatcher"), article("问", "答", true)), 403);

        String id = drafted(article(word(), "答", true));
        assertProblem(api.post(ARTICLES + "/" + id + "/publish", TestApi.token("dispatcher"), null), 409);
        assertProblem(api.post(ARTICLES + "/" + id + "/submit", TestApi.unitToken("water-authority"), null), 403);
        assertProblem(api.post(ARTICLES + "/" + id + "/publish", TestApi.token("supervisor"), null), 403);
        assertProblem(api.post(ARTICLES + "/" + id + "/publish", TestApi.reviewerToken(HEATING), null), 403);
        assertProblem(api.get(ARTICLES + "/" + id, TestApi.unitToken("water-authority")), 403);
        assertProblem(api.get(ARTICLES + "/KB-20261118-NOSUCH00", TestApi.token("agent")), 404);
        assertEquals(0, api.get("/v1/knowledge/answers", TestApi.token("agent")).body().size(), "no words, no answers");
    }

    @Test
    void listsPageByCursorAndUnitStaffListTheirOwnUnit() {
        for (int i = 0; i < 3; i++) {
            drafted(article(word(), "答", true));
        }
        TestApi.Reply first = api.get(ARTICLES + "?status=draft&limit=2", TestApi.unitToken(HEATING));
        assertEquals(200, first.status(), first.raw().body());
        assertEquals(2, first.body().path("items").size());
        String next = first.text("next");
        assertEquals(next, first.raw().headers().firstValue("Next-Cursor").orElse(null));
        TestApi.Reply second = api.get(ARTICLES + "?status=draft&limit=2&cursor=" + next, TestApi.unitToken(HEATING));
        assertEquals(200, second.status(), second.raw().body());
        assertNotEquals(first.body().path("items").get(0).path("id"), second.body().path("items").get(0).path("id"));
        assertProblem(api.get(ARTICLES + "?unit=water-authority", TestApi.unitToken(HEATING)), 403);
        assertField(api.get(ARTICLES + "?unit=" + HEATING + "&cursor=bm9wZQ", TestApi.token("dispatcher")), 400, "cursor");

        String sent = drafted(article(word(), "答", true));
        api.post(ARTICLES + "/" + sent + "/submit", TestApi.unitToken(HEATING), null);
        TestApi.Reply queue = api.get(ARTICLES, TestApi.token("dispatcher"));
        assertEquals(sent, queue.body().path("items").get(0).path("id").asText(), queue.raw().body());
    }

    @Test
    void theAdminEditsTheSynonymsAndTheSearchUsesThemAtOnce() {
        String w = "鉴" + UUID.randomUUID().toString().substring(0, 4);
        String id = published(article(w + "燃气费怎么交", "可在燃气公司营业厅缴纳。", true));
        TestApi.Reply before = api.get("/v1/admin/knowledge/synonyms", TestApi.token("admin"));
        assertEquals(200, before.status(), before.raw().body());
        assertField(api.put("/v1/admin/knowledge/synonyms", TestApi.token("admin"), "{\"groups\":[[\"燃气\",\"燃气\"]]}"), 400, "groups");
        assertProblem(api.put("/v1/admin/knowledge/synonyms", TestApi.token("dispatcher"), "{\"groups\":[]}"), 403);
        TestApi.Reply put = api.put("/v1/admin/knowledge/synonyms", TestApi.token("admin"),
                "{\"groups\":[[\"燃气\",\"天然气\",\"煤气\"],[\"暖气\",\"供暖\"]]}");
        assertEquals(200, put.status(), put.raw().body());
        List<String> ids = new ArrayList<>();
        answers("/v1/knowledge/answers", "agent", w + "煤气费怎么交").body().forEach(h -> ids.add(h.path("articleId").asText()));
        assertTrue(ids.contains(id), "煤气 finds 燃气: " + ids);
        api.put("/v1/admin/knowledge/synonyms", TestApi.token("admin"), before.raw().body());
    }

    private String consultation(String extra) {
        return """
                {"category":"consultation","channel":"phone","content":"请问供暖季从哪天开始？","citizenName":"张三",
                 "citizenPhone":"13812345678","answeredOnSpot":true%s}""".formatted(extra);
    }

    private long count(String unit, String rate, String counter) {
        String day = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        TestApi.Reply r = api.get("/v1/rates/units/" + unit + "?from=" + day + "&to=" + day, TestApi.token("supervisor"));
        assertEquals(200, r.status(), r.raw().body());
        assertTrue(r.body().path("rates").has(rate), r.raw().body());
        return r.body().path("rates").path("counts").path(counter).asLong();
    }

    @Test
    void anAgentAnswersOnTheSpotCitingAnArticleAndTheOnTheSpotRateCountsIt() {
        String id = published(article(word() + "供暖季从哪天开始", "每年11月15日开始供暖。", true));
        long consultations = count(HEATING, "onTheSpotAnswer", "consultations");
        long onTheSpot = count(HEATING, "onTheSpotAnswer", "on_the_spot");

        TestApi.Reply r = api.post("/v1/tickets", TestApi.token("agent"),
                consultation(",\"articleId\":\"" + id + "\",\"articleVersion\":1"));
        assertEquals(201, r.status(), r.raw().body());
        assertEquals("closed", r.text("state"));
        assertEquals("answered_on_spot", r.text("closure"));
        assertEquals(id, r.body().path("answeredFrom").path("articleId").asText());
        assertEquals(1, r.body().path("answeredFrom").path("version").asInt());
        assertTrue(r.body().path("leadUnit").isNull(), "never dispatched");
        assertTrue(r.body().path("dispatchDueAt").isNull(), "no dispatch deadline, so no timer");

        assertEquals(consultations + 1, count(HEATING, "onTheSpotAnswer", "consultations"));
        assertEquals(onTheSpot + 1, count(HEATING, "onTheSpotAnswer", "on_the_spot"));
    }

    @Test
    void anAnswerOnTheSpotCitesAPublishedVersionOfAnArticleThatExists() {
        String draft = drafted(article(word(), "答", true));
        assertField(api.post("/v1/tickets", TestApi.token("agent"), consultation("")), 422, "articleId");
        assertField(api.post("/v1/tickets", TestApi.token("agent"),
                consultation(",\"articleId\":\"KB-20261118-NOSUCH00\",\"articleVersion\":1")), 422, "articleId");
        assertField(api.post("/v1/tickets", TestApi.token("agent"),
                consultation(",\"articleId\":\"" + draft + "\",\"articleVersion\":1")), 422, "articleVersion");
        assertField(api.post("/v1/tickets", TestApi.token("agent"),
                consultation(",\"articleId\":\"" + draft + "\"")), 422, "articleVersion");
        assertField(api.post("/v1/tickets", TestApi.token("agent"),
                consultation(",\"articleId\":\"" + draft + "\",\"articleVersion\":0")), 400, "articleVersion");
    }

    @Test
    void aCitizenWhoseQuestionWasAnsweredFilesNothingButIsCounted() {
        String id = published(article(word() + "暖气试水", "11月初试水。", true));
        String today = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        long before = figures.sum(java.time.LocalDate.parse(today), java.time.LocalDate.parse(today))
                .getOrDefault(io.jiesu.core.rates.CentreFigures.DEFLECTED, 0L);
        TestApi.Reply r = api.post(ARTICLES + "/" + id + "/answered-my-question", TestApi.token("citizen"), null);
        assertEquals(200, r.status(), r.raw().body());
        assertEquals(before + 1, figures.sum(java.time.LocalDate.parse(today), java.time.LocalDate.parse(today))
                .getOrDefault(io.jiesu.core.rates.CentreFigures.DEFLECTED, 0L));
        assertProblem(api.post(ARTICLES + "/" + id + "/answered-my-question", TestApi.token("agent"), null), 403);
        String draft = drafted(article(word(), "答", true));
        assertProblem(api.post(ARTICLES + "/" + draft + "/answered-my-question", TestApi.token("citizen"), null), 409);
    }
}
