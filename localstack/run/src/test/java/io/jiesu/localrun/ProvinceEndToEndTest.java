package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.province.ProvinceSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The provincial platform end to end: tickets sent down by signed webhook, and each change posted back,
 * signed, in order, once per change, through failures and into the dead-letter queue when the province
 * never answers. On the shared run, which knows two provinces for it (RunningPipeline): one whose endpoint fails
 * twice, one that is down.
 */
@org.junit.jupiter.api.extension.ExtendWith(RunningPipeline.class)
class ProvinceEndToEndTest {
    private static final String SECRET = RunningPipeline.PROVINCE_SECRET;
    private static final ProvinceSignature SIGNATURE = new ProvinceSignature(SECRET);
    private static FlakyProvince flaky;
    private static FlakyProvince down;
    private static LocalRun run;
    private static Api api;

    @BeforeAll
    static void onTheSharedRun(Api shared) {
        api = shared;
        run = shared.run;
        flaky = RunningPipeline.flaky;
        down = RunningPipeline.down;
    }

    private static String ticket(String provinceTicketId, String category, String phone) {
        return """
                {"provinceTicketId":"%s","category":"%s","content":"小区暖气不热，多次反映未解决",
                 "citizen":{"name":"赵六","phone":"%s"},"address":"越秀区某小区","receivedAt":"2026-11-22T09:00:00+08:00"}"""
                .formatted(provinceTicketId, category, phone);
    }

    private static Api.Reply send(String province, String body, Long timestamp, String signature) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = api.request("/v1/province/" + province + "/tickets", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (timestamp != null) {
            b.header(ProvinceSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        }
        if (signature != null) {
            b.header(ProvinceSignature.SIGNATURE_HEADER, signature);
        }
        return api.send(b.build());
    }

    private static Api.Reply signed(String province, String body) {
        long now = Instant.now().getEpochSecond();
        return send(province, body, now, SIGNATURE.sign(now, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unsignedStaleOrForgedTicketsAreRefusedWith401AndNothingIsStored() {
        String body = ticket("GD-AUTH-1", "投诉", "13811112222");
        long now = Instant.now().getEpochSecond();
        assertEquals(401, send("gd", body, null, null).status(), "no headers");
        assertEquals(401, send("gd", body, now, "sha256=00").status(), "wrong signature");
        long stale = now - 600;
        assertEquals(401, send("gd", body, stale, SIGNATURE.sign(stale, body.getBytes(StandardCharsets.UTF_8))).status(),
                "a timestamp ten minutes old");
        assertEquals(401, send("gd", body, now, new ProvinceSignature("some-other-secret-123").sign(now,
                body.getBytes(StandardCharsets.UTF_8))).status(), "another province's secret");
        assertEquals(401, send("unknown", body, now, SIGNATURE.sign(now, body.getBytes(StandardCharsets.UTF_8))).status());
        Api.Reply first = signed("gd", body);
        assertEquals(201, first.status(), "nothing was stored by the refused attempts: " + first.raw().body());
    }

    @Test
    void theDocumentedExamplePayloadIsAccepted() throws java.io.IOException {
        Path root = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize();
        String example = java.nio.file.Files.readString(root.resolve("docs/province/ticket.example.json"));
        Api.Reply created = signed("gd", example);
        assertEquals(201, created.status(), created.raw().body());
        assertEquals("GD-20261122-000042", created.text("provinceTicketId"));
        JsonNode t = api.awaitTicket(created.text("ticketId"), api.token("dispatcher"),
                x -> x.path("state").asText().equals("dispatched"), "dispatched");
        assertEquals("complaint", t.path("category").asText(), "投诉 maps to complaint");
        assertEquals("小区供暖温度不达标", t.path("content").asText().lines().findFirst().orElseThrow(), "its title heads the content");
        assertEquals("heating-company", t.path("leadUnit").asText(), "routed by its matter");
    }

    @Test
    void aBadProvincialTicketIsAnsweredWithTheFieldToFix() {
        Api.Reply category = signed("gd", ticket("GD-BAD-1", "闲聊", "13811112222"));
        assertEquals(422, category.status());
        assertEquals("category", category.body().path("errors").get(0).path("field").asText());
        Api.Reply phone = signed("gd", ticket("GD-BAD-2", "投诉", "12345"));
        assertEquals(400, phone.status());
        assertEquals("phone", phone.body().path("errors").get(0).path("field").asText());
    }

    @Test
    void theSameProvincialTicketSentAgainIsOneTicketDispatchedOnceAndEveryChangeReachesTheProvinceInOrder() {
        String body = ticket("GD-2026-000123", "投诉", "13800138000");
        Api.Reply created = signed("gd", body);
        assertEquals(201, created.status(), created.raw().body());
        String id = created.text("ticketId");
        Api.Reply again = signed("gd", body);
        assertEquals(200, again.status());
        assertEquals(id, again.text("ticketId"), "a retry is the same ticket");

        String dispatcher = api.token("dispatcher");
        JsonNode t = api.awaitTicket(id, dispatcher, x -> x.path("state").asText().equals("dispatched"), "dispatched");
        assertTrue(t.path("provincial").asBoolean());
        assertEquals("province", t.path("channel").asText());
        String heating = api.unitToken("heating-company");
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", heating, null).status());
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"first\"}").status());
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"on_site\"}").status());
        assertEquals(200, api.post("/v1/tickets/" + id + "/reply", api.reviewerToken("heating-company"),
                "{\"result\":\"已维修\",\"outcome\":\"solved\",\"handlerName\":\"周工\",\"handlerPhone\":\"13900003333\"}").status());
        api.awaitTicket(id, dispatcher, x -> x.path("state").asText().equals("awaiting_callback"), "awaiting callback");
        assertEquals(200, api.post("/v1/tickets/" + id + "/callback", api.token("agent"),
                "{\"satisfaction\":\"satisfied\",\"solved\":true}").status());
        api.awaitTicket(id, dispatcher, x -> x.path("state").asText().equals("closed"), "closed");

        List<JsonNode> notices = awaitNotices(flaky, id, 4);
        assertEquals(List.of("accepted", "dispatched", "replied", "closed"), notices.stream().map(n -> n.path("status").asText()).toList(),
                "each change once, in order");
        long previous = 0;
        for (JsonNode n : notices) {
            assertTrue(n.path("version").asLong() > previous, "version order");
            previous = n.path("version").asLong();
            assertEquals("GD-2026-000123", n.path("provinceTicketId").asText());
        }
        assertTrue(flaky.posts() >= 6, "the first two posts failed and were retried: " + flaky.posts());
        assertEquals(0, flaky.badSignatures(), "every notice was signed");
        assertEquals(1, DeliveryGuaranteesEndToEndTest.count(api.get("/v1/tickets/" + id + "/history", dispatcher).body(),
                "ticket_dispatched"), "one dispatch");
        assertFalse(notices.toString().contains("13800138000"), "no phone number travels back");
    }

    @Test
    void theSameProvincialNumberWithAnotherBodyIsAConflictAndTheIdenticalBodyStillTheSameTicket() {
        String body = ticket("GD-CONFLICT-1", "投诉", "13811112222");
        Api.Reply created = signed("gd", body);
        assertEquals(201, created.status(), created.raw().body());
        Api.Reply edited = signed("gd", body.replace("小区暖气不热", "小区路灯不亮"));
        assertEquals(409, edited.status(), edited.raw().body());
        assertEquals("application/problem+json", edited.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals("provinceTicketId", edited.body().path("errors").get(0).path("field").asText(), edited.raw().body());
        Api.Reply again = signed("gd", body);
        assertEquals(200, again.status(), again.raw().body());
        assertEquals(created.text("ticketId"), again.text("ticketId"));
        assertEquals("小区暖气不热，多次反映未解决", api.get("/v1/tickets/" + created.text("ticketId"), api.token("dispatcher"))
                .body().path("content").asText(), "the ticket keeps the body it was received with");
    }

    @Test
    void aNoticeTheProvinceNeverAcceptsEndsInTheDeadLetterQueue() {
        Api.Reply created = signed("down", ticket("DOWN-1", "咨询", "13811112222"));
        assertEquals(201, created.status());
        String dlq = run.dlqUrl(QueueName.NOTIFY);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (Message m : run.sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                if (m.body().contains("DOWN-1")) {
                    assertTrue(m.body().contains("\"status\":\"accepted\""));
                    assertTrue(down.posts() >= 3, "tried maxReceiveCount times first: " + down.posts());
                    return;
                }
            }
        }
        fail("the undeliverable notice never reached the dead-letter queue; posts: " + down.posts());
    }

    private static List<JsonNode> awaitNotices(FlakyProvince province, String ticketId, int count) {
        Instant deadline = Instant.now().plusSeconds(60);
        List<JsonNode> mine = List.of();
        while (Instant.now().isBefore(deadline)) {
            mine = province.applied().stream().filter(n -> n.path("ticketId").asText().equals(ticketId)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            Api.sleep(200);
        }
        return fail("only " + mine.size() + " notices arrived: " + mine);
    }
}
