package io.jiesu.api;

import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static io.jiesu.api.TestApi.assertField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A provincial ticket's title (工单标题) is kept as the first line of its content, where the router reads a subject;
 * a title too long to be a subject is refused, naming the field, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class ProvinceTitleTest {
    @TestHTTPResource("/")
    java.net.URL base;
    @Inject
    Clock clock;
    TestApi api;

    @BeforeEach
    void api() throws Exception {
        api = new TestApi(base.toURI());
    }

    private static String ticket(String number, String title) {
        return """
                {"provinceTicketId":"%s","category":"投诉","title":%s,"content":"室温只有14度，已多次反映未解决。",
                 "citizen":{"name":"陈一","phone":"13700137000"}}""".formatted(number, title == null ? "null" : "\"" + title + "\"");
    }

    @Test
    void theTitleIsTheFirstLineOfTheContent() {
        TestApi.Reply created = api.fromProvince(ticket("TITLE-1", "小区供暖温度不达标"), clock);
        assertEquals(201, created.status(), created.raw().body());

        TestApi.Reply read = api.get("/v1/tickets/" + created.text("ticketId"), TestApi.token("dispatcher"));
        assertEquals("小区供暖温度不达标\n室温只有14度，已多次反映未解决。", read.text("content"));

        TestApi.Reply untitled = api.fromProvince(ticket("TITLE-2", null), clock);
        assertEquals("室温只有14度，已多次反映未解决。",
                api.get("/v1/tickets/" + untitled.text("ticketId"), TestApi.token("dispatcher")).text("content"));
    }

    @Test
    void aTitleIsTakenGenerouslyOnOneLineAndOnlyAnAbsurdOneIsRefused() {
        // a long title on two lines is kept, on one line: the router only weighs a first line of at most 50 characters
        TestApi.Reply long_ = api.fromProvince(ticket("TITLE-3", "关于" + "长".repeat(60) + "\\n的投诉"), clock);
        assertEquals(201, long_.status(), long_.raw().body());
        assertEquals("关于" + "长".repeat(60) + " 的投诉\n室温只有14度，已多次反映未解决。",
                api.get("/v1/tickets/" + long_.text("ticketId"), TestApi.token("dispatcher")).text("content"));
        // a title of spaces and invisible characters is no title
        TestApi.Reply blank = api.fromProvince(ticket("TITLE-4", " \\u00a0\\u200b "), clock);
        assertEquals("室温只有14度，已多次反映未解决。",
                api.get("/v1/tickets/" + blank.text("ticketId"), TestApi.token("dispatcher")).text("content"));

        assertField(api.fromProvince(ticket("TITLE-5", "长".repeat(501)), clock), 400, "title");
        // the same number with a title in bounds is a new ticket: the refused one left nothing behind
        assertEquals(201, api.fromProvince(ticket("TITLE-5", "长".repeat(500)), clock).status());
    }

    @Test
    void aRetryIsARetryWithOrWithoutItsTitleAndAnotherTitleIsAnotherBody() {
        TestApi.Reply first = api.fromProvince(ticket("TITLE-6", "暖气不热"), clock);
        assertEquals(201, first.status(), first.raw().body());
        TestApi.Reply again = api.fromProvince(ticket("TITLE-6", "暖气不热"), clock);
        assertEquals(200, again.status(), again.raw().body());
        assertEquals(first.text("ticketId"), again.text("ticketId"));
        assertEquals(409, api.fromProvince(ticket("TITLE-6", "暖气很热"), clock).status());
    }

    @Test
    void aRequestWithoutATitleIsFingerprintedAsBeforeTitles() throws Exception {
        // tickets received before titles are remembered by this fingerprint: a retry of one must still match it
        var untitled = new io.jiesu.api.province.ProvinceTicketRequest("OLD-1", "投诉", "暖气不热",
                new io.jiesu.api.province.ProvinceTicketRequest.CitizenPart("陈一", "13700137000"), null, null, null, null);
        assertFalse(io.jiesu.aws.ticket.TicketJson.write(untitled).contains("title"));
    }
}
