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
    void aTitleTooLongToBeASubjectIsRefusedAndNothingIsStored() {
        assertField(api.fromProvince(ticket("TITLE-3", "长".repeat(51)), clock), 400, "title");

        // the same number with a valid title is a new ticket: the refused one left nothing behind
        assertEquals(201, api.fromProvince(ticket("TITLE-3", "长".repeat(50)), clock).status());
    }
}
