package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.localcloud.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.*;

/** Harder tickets, the calendar kept up to date and the ticket's timer, through the running api. */
@ExtendWith(RunningPipeline.class)
class SupervisionEndToEndTest {
    private static final String REPLY = """
            {"result":"已处理","outcome":"solved","handlerName":"孙工","handlerPhone":"13900002222"}""";

    @Test
    void aProvincialTicketNeedsAFaceToFaceVisitBeforeItsReply(Api api) {
        // provincial tickets come only through the province's signed webhook
        Api.Reply sent = api.fromProvince("""
                {"provinceTicketId":"SUP-%s","category":"投诉","content":"省平台转办 暖气不热",
                 "citizen":{"name":"张三","phone":"13812345678"},"address":"东城区和平里3号楼"}"""
                .formatted(java.util.UUID.randomUUID().toString().substring(0, 8)));
        assertEquals(201, sent.status(), sent.raw().body());
        String id = sent.text("ticketId");
        api.awaitTicket(id, api.token("dispatcher"), t -> t.path("state").asText().equals("dispatched"), "dispatched");
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", api.unitToken("heating-company"), null).status());
        String heating = api.unitToken("heating-company");
        String reviewer = api.reviewerToken("heating-company");
        JsonNode t = api.get("/v1/tickets/" + id, heating).body();
        assertTrue(t.path("provincial").asBoolean());
        assertTrue(t.path("supervision").path("onSiteRequired").asBoolean());
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"first\"}").status());
        Api.Reply refused = api.post("/v1/tickets/" + id + "/reply", reviewer, REPLY);
        assertEquals(422, refused.status());
        assertEquals("contacts", refused.body().path("errors").get(0).path("field").asText());
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"on_site\",\"note\":\"上门查看\"}").status());
        assertEquals(200, api.post("/v1/tickets/" + id + "/reply", reviewer, REPLY).status());
    }

    @Test
    void anAdminLoadsANewYearsHolidayListAndTheWarningGoes(Api api) {
        String admin = api.token("admin");
        int year = aYearWithoutAListThatHealthWatches(api, admin);
        JsonNode before = api.get("/v1/admin/calendar/" + year, admin).body();
        assertFalse(before.path("listed").asBoolean());
        assertTrue(before.path("warnings").get(0).asText().contains(Integer.toString(year)));
        assertTrue(api.get("/q/health/ready", null).raw().body().contains("no holiday list for " + year));

        String list = """
                {"year":%1$d,"papers":["https://www.gov.cn/example"],"days":[
                 {"name":"元旦","date":"%1$d-01-01","isOffDay":true},
                 {"name":"春节","date":"%1$d-02-06","isOffDay":true},
                 {"name":"春节","date":"%1$d-02-07","isOffDay":true},
                 {"name":"春节","date":"%1$d-02-13","isOffDay":false}]}""".formatted(year);
        assertEquals(403, put(api, "/v1/admin/calendar/" + year, api.token("supervisor"), list).status());
        assertEquals(422, put(api, "/v1/admin/calendar/" + (year - 1), admin, list).status(), "the year must match the list");
        Api.Reply loaded = put(api, "/v1/admin/calendar/" + year, admin, list);
        assertEquals(200, loaded.status(), loaded.raw().body());
        assertTrue(api.get("/v1/admin/calendar/" + year, admin).body().path("listed").asBoolean());
        assertFalse(api.get("/q/health/ready", null).raw().body().contains("no holiday list for " + year));
    }

    /**
     * Next year, whose State Council notice comes out in November: readiness watches this year and the next. If its
     * list is already there (a release bundled it, or this test loaded it before), it is taken out again as a year
     * whose notice is not out yet, written as an empty list past the api, which sees it within its 30 s cache.
     */
    private static int aYearWithoutAListThatHealthWatches(Api api, String admin) {
        int next = java.time.LocalDate.now(api.run.clock().withZone(java.time.ZoneId.of("Asia/Shanghai"))).getYear() + 1;
        if (api.get("/v1/admin/calendar/" + next, admin).body().path("listed").asBoolean()) {
            new io.jiesu.aws.calendar.CalendarStore(api.run.dynamo(), CloudResources.TABLE, java.time.Clock.systemUTC())
                    .load("{\"year\":" + next + ",\"papers\":[],\"days\":[]}");
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(40);
            while (api.get("/v1/admin/calendar/" + next, admin).body().path("listed").asBoolean()) {
                assertTrue(java.time.Instant.now().isBefore(deadline), "the api never saw " + next + " unlisted");
                Api.sleep(500);
            }
        }
        return next;
    }

    @Test
    void anOpenTicketHasExactlyOneScheduleNamedAfterIt(Api api) {
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("食品过期 计时")).text("id");
        api.awaitTicket(id, api.token("dispatcher"), t -> t.path("state").asText().equals("dispatched"), "dispatched");
        try (SchedulerClient scheduler = LocalAws.scheduler(api.run.schedulerEndpoint())) {
            // the timer is moved right after the dispatch commits (through its outbox), so it may trail the state
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
            var schedule = scheduler.getSchedule(b -> b.name(ScheduledTimers.scheduleName(id)).groupName(CloudResources.SCHEDULE_GROUP));
            while (!schedule.target().input().contains("\"kind\":\"sign_due\"") && java.time.Instant.now().isBefore(deadline)) {
                Api.sleep(100);
                schedule = scheduler.getSchedule(b -> b.name(ScheduledTimers.scheduleName(id)).groupName(CloudResources.SCHEDULE_GROUP));
            }
            assertTrue(schedule.target().input().contains("\"kind\":\"sign_due\""), schedule.target().input());
            assertTrue(schedule.scheduleExpression().startsWith("at("));
            assertEquals(1, scheduler.listSchedules(b -> b.groupName(CloudResources.SCHEDULE_GROUP).namePrefix(ScheduledTimers.scheduleName(id)))
                    .schedules().size(), "exactly one");
        }
    }

    static Api.Reply put(Api api, String path, String token, String json) {
        return api.send(api.request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String signedTicket(Api api, String body, String unit) {
        String id = api.post("/v1/tickets", api.token("agent"), body).text("id");
        api.awaitTicket(id, api.token("dispatcher"), t -> t.path("state").asText().equals("dispatched"), "dispatched");
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", api.unitToken(unit), null).status());
        return id;
    }
}
