package io.jiesu.stages;

import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.routing.RouterModels;
import io.jiesu.core.ticket.Routing;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.routing.RouterModel;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.TicketText;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatch function with a learned router stored in the table: confident, it dispatches alone; unsure, the
 * ticket waits for a dispatcher with the router's top three kept on it. Made-up history of five units, each in its
 * own words; the model is withdrawn after each test so the catalogue's keywords route the other tests' tickets.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterDispatchFunctionTest {
    static final String[] UNITS = {"heating-company", "water-authority", "urban-management", "transport-bureau",
            "market-regulation"};
    private static final String[][] WORDS = {
            {"暖气不热", "暖气片漏水", "供暖温度低", "暖气管道", "供热中断"},
            {"停水", "水压太低", "自来水发黄", "水管爆裂", "水表"},
            {"占道经营", "违章搭建", "乱扔垃圾", "夜市摊贩", "油烟污染"},
            {"公交线路", "红绿灯", "停车收费", "出租车", "道路拥堵"},
            {"商品质量", "虚假宣传", "缺斤短两", "价格欺诈", "过期食品"}};
    private static final String[] COMMON = {"请相关部门尽快处理", "希望领导重视", "小区居民反映", "已经很久了"};

    @Inject
    Tickets tickets;
    @Inject
    RouterModels models;
    @Inject
    Clock clock;
    @Inject
    io.jiesu.aws.routing.RouterTraining training;
    @Inject
    io.jiesu.core.deadline.Deadlines deadlines;
    @Inject
    io.jiesu.aws.routing.RoutingConfig routing;

    @BeforeEach
    void anEmptyQueue() {
        Lambda.export("dispatch");
        Lambda.drain(QueueName.DISPATCH);
    }

    @AfterEach
    void withdrawTheModel() {
        models.withdraw();
    }

    static List<RoutingExample> history() {
        Random random = new Random(7);
        List<RoutingExample> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (int u = 0; u < UNITS.length; u++) {
                String[] own = WORDS[u];
                String text = COMMON[random.nextInt(COMMON.length)] + "，" + own[random.nextInt(own.length)] + "，"
                        + own[random.nextInt(own.length)] + "。";
                out.add(RoutingExample.of(TicketText.of(text), UNITS[u]));
            }
        }
        return out;
    }

    @Test
    void aConfidentRouterDispatchesAloneAndSaysSoOnTheTicket() {
        RouterModel model = RouterTrainer.chosen(clock).train(history());
        models.store(model);
        Ticket leak = tickets.received("水管爆裂，停水两天了，自来水发黄");

        assertEquals(Set.of(), Lambda.deliver(QueueName.DISPATCH).failedBodies());

        Ticket routed = tickets.load(leak.id());
        assertEquals(TicketState.DISPATCHED, routed.state());
        assertEquals("water-authority", routed.leadUnit());
        assertEquals(Routing.DispatchedBy.ROUTER, routed.routing().dispatchedBy());
        assertEquals(model.version(), routed.routing().modelVersion());
        assertEquals(3, routed.routing().suggestions().size());
        assertEquals("water-authority", routed.routing().suggestions().get(0).unit());
    }

    @Test
    void anUnsureRouterLeavesTheTicketToADispatcherWithItsTopThree() {
        RouterModel model = RouterTrainer.chosen(clock).train(history());
        models.store(model);
        // only the words every unit's tickets share: the router cannot tell
        Ticket vague = tickets.received("小区居民反映，已经很久了，希望领导重视");

        assertEquals(Set.of(), Lambda.deliver(QueueName.DISPATCH).failedBodies());

        Ticket waiting = tickets.load(vague.id());
        assertEquals(TicketState.AWAITING_DISPATCH, waiting.state());
        assertNull(waiting.routing().dispatchedBy());
        assertEquals(3, waiting.routing().suggestions().size());
        assertTrue(waiting.routing().suggestions().get(0).confidence() < routing.threshold(), waiting.routing().toString());
        assertEquals(model.version(), waiting.routing().modelVersion());
    }

    @Test
    void withoutAModelTheCatalogueRoutesAsBefore() {
        Ticket heating = tickets.received("楼里暖气不热，室温只有15度");

        assertEquals(Set.of(), Lambda.deliver(QueueName.DISPATCH).failedBodies());

        Ticket routed = tickets.load(heating.id());
        assertEquals("heating-company", routed.leadUnit());
        assertEquals(Routing.DispatchedBy.CATALOGUE, routed.routing().dispatchedBy());
    }

    @Test
    void handDispatchesTrainAModelThatThenRoutesASimilarTicketAlone() {
        handDispatched(30);
        assertTrue(models.current().isEmpty(), "no model before the training");

        io.jiesu.aws.routing.RouterTraining.Trained trained = training.train();

        assertTrue(trained.examples() >= 30, trained.toString());
        assertEquals(trained.version(), models.current().orElseThrow().version());
        // the training measured its model's threshold on the history held out, and the model in force carries it
        assertTrue(trained.measured().reached(), trained.toString());
        assertEquals(routing.targetPrecision(), trained.measured().target());
        assertEquals(trained.examples(), trained.measured().heldOut(), "every lesson held out once");
        assertEquals(trained.measured(), models.current().orElseThrow().about().measured());
        Ticket similar = tickets.received("暖气管道供热中断，暖气片漏水");
        assertEquals(Set.of(), Lambda.deliver(QueueName.DISPATCH).failedBodies());
        Ticket routed = tickets.load(similar.id());
        assertEquals("heating-company", routed.leadUnit());
        assertEquals(Routing.DispatchedBy.ROUTER, routed.routing().dispatchedBy());
        assertEquals(trained.version(), routed.routing().modelVersion());
        assertTrue(routed.routing().suggestions().get(0).confidence()
                >= Math.max(routing.threshold(), trained.measured().threshold()), routed.routing().toString());
    }

    @Inject
    io.jiesu.aws.routing.TrainingRequests trainingRequests;
    @Inject
    io.jiesu.aws.routing.TrainingRuns trainingRuns;

    @Test
    void anAdminsTrainingArrivesOnTheTrainingQueueAndTheTrainFunctionTrainsAndSaysHowTheRunEnded() {
        handDispatched(30);
        Lambda.drain(QueueName.TRAIN);
        var asked = trainingRequests.request("admin");
        assertTrue(models.current().isEmpty(), "asking trains nothing by itself");

        Lambda.export("train");
        Lambda.Batch batch = Lambda.deliver(QueueName.TRAIN);

        assertEquals(1, batch.records(), "the request's message, one training per invocation");
        assertEquals(Set.of(), batch.failedBodies());
        var run = trainingRuns.find(asked.id()).orElseThrow();
        assertEquals(io.jiesu.aws.routing.TrainingRuns.State.TRAINED, run.state());
        assertEquals(models.current().orElseThrow().version(), run.version());
        assertTrue(run.examples() >= 30, run.toString());
        assertTrue(run.finishedAt() != null);
        assertEquals(models.current().orElseThrow().about().measured(), run.measured(),
                "the run says from which confidence its model dispatches alone");

        // the same message again (SQS delivers at least once): the run stays as it ended, nothing is trained twice
        Lambda.deliver(QueueName.TRAIN, "{\"run\":\"" + asked.id() + "\"}");
        assertEquals(run, trainingRuns.find(asked.id()).orElseThrow());
        assertEquals(run.version(), models.current().orElseThrow().version());
    }

    /** Next to last: its arbitrary lessons stay in the history the other trainings of this class read. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aHistoryTheRouterCannotLearnTrainsAModelThatOnlyProposes() {
        // dispatchers who sent the same kinds of complaint to any unit: nothing in the words says which
        List<RoutingExample> arbitrary = new ArrayList<>();
        List<RoutingExample> h = history();
        for (int i = 0; i < 30; i++) {
            arbitrary.add(RoutingExample.of(h.get(i).ticket(), UNITS[(i * 7 / 3) % UNITS.length]));
        }
        handDispatched(arbitrary);

        io.jiesu.aws.routing.RouterTraining.Trained trained = training.train();

        assertFalse(trained.measured().reached(), trained.toString());
        Ticket heating = tickets.received("暖气管道供热中断，暖气片漏水");
        assertEquals(Set.of(), Lambda.deliver(QueueName.DISPATCH).failedBodies());
        Ticket waiting = tickets.load(heating.id());
        assertEquals(TicketState.AWAITING_DISPATCH, waiting.state(), waiting.routing().toString());
        assertEquals(3, waiting.routing().suggestions().size(), "its suggestions are still shown");
        assertEquals(trained.version(), waiting.routing().modelVersion());
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "jiesu.aws.s3.endpoint")
    java.net.URI s3Endpoint;

    /** Last: the import it keeps stays for every later training (no other test of this class trains after it). */
    @Test
    @Order(Integer.MAX_VALUE)
    void anUploadedExportIsKeptAsTheImportAndTrainedOnAndAMissingOrBadOneSaysWhy() {
        StringBuilder csv = new StringBuilder("text,category,location,unit\n");
        history().forEach(e -> csv.append(e.ticket().text()).append(",,,").append(e.unit()).append('\n'));
        byte[] good = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var s3 = io.jiesu.localcloud.LocalAws.s3(s3Endpoint)) {
            s3.putObject(b -> b.bucket(io.jiesu.aws.resources.CloudResources.ATTACHMENTS_BUCKET)
                    .key("imports/20261201T020000Z-00000001.csv"), software.amazon.awssdk.core.sync.RequestBody.fromBytes(good));
            s3.putObject(b -> b.bucket(io.jiesu.aws.resources.CloudResources.ATTACHMENTS_BUCKET)
                    .key("imports/20261201T020000Z-00000002.csv"), software.amazon.awssdk.core.sync.RequestBody.fromString(
                            "text,category,location,unit\n暖气不热,,,\n"));
        }
        Lambda.drain(QueueName.TRAIN);
        Lambda.export("train");
        var missing = trainingRuns.request("import");
        var bad = trainingRuns.request("import");
        var kept = trainingRuns.request("import");

        Lambda.Batch batch = Lambda.deliver(QueueName.TRAIN,
                "{\"run\":\"" + missing.id() + "\",\"upload\":\"20261201T020000Z-0000000f.csv\"}",
                "{\"run\":\"" + bad.id() + "\",\"upload\":\"20261201T020000Z-00000002.csv\"}",
                "{\"run\":\"" + kept.id() + "\",\"upload\":\"20261201T020000Z-00000001.csv\"}");

        assertEquals(Set.of(), batch.failedBodies(), "neither a missing file nor a bad row is tried again");
        var notThere = trainingRuns.find(missing.id()).orElseThrow();
        assertEquals(io.jiesu.aws.routing.TrainingRuns.State.NOT_TRAINED, notThere.state());
        assertTrue(notThere.message().contains("no file could be read"), notThere.message());
        var badRow = trainingRuns.find(bad.id()).orElseThrow();
        assertEquals(io.jiesu.aws.routing.TrainingRuns.State.NOT_TRAINED, badRow.state());
        assertTrue(badRow.message().contains("row 1"), badRow.message());
        var trained = trainingRuns.find(kept.id()).orElseThrow();
        assertEquals(io.jiesu.aws.routing.TrainingRuns.State.TRAINED, trained.state(), String.valueOf(trained.message()));
        assertEquals(training.history().size() + history().size(), trained.examples(), "the history and every row of the upload");
        assertArrayEquals(good, models.storedImport().orElseThrow(), "the upload is the import every training learns from");
        assertEquals(trained.version(), models.current().orElseThrow().version());
        try (var s3 = io.jiesu.localcloud.LocalAws.s3(s3Endpoint)) {
            var left = s3.listObjectsV2(b -> b.bucket(io.jiesu.aws.resources.CloudResources.ATTACHMENTS_BUCKET)
                    .prefix("imports/")).contents().stream().map(o -> o.key()).toList();
            assertEquals(List.of("imports/20261201T020000Z-00000002.csv"), left,
                    "the kept upload is deleted (citizens' words); the refused one waits for the lifecycle rule");
        }
    }

    private void handDispatched(int count) {
        handDispatched(history().subList(0, count));
    }

    private void handDispatched(List<RoutingExample> decisions) {
        io.jiesu.core.ticket.Actor dispatcher = new io.jiesu.core.ticket.Actor("dispatcher-test",
                io.jiesu.core.ticket.Role.DISPATCHER, null);
        for (RoutingExample e : decisions) {
            Ticket t = tickets.step(tickets.received(e.ticket().text()),
                    r -> r.awaitDispatcher("by hand", clock.instant(), io.jiesu.core.ticket.Actor.system("dispatch")));
            t = tickets.step(t, w -> w.dispatch(e.unit(), List.of(), clock.instant(), dispatcher, deadlines));
            io.jiesu.core.ticket.Actor unit = new io.jiesu.core.ticket.Actor("staff", io.jiesu.core.ticket.Role.UNIT, e.unit());
            tickets.step(t, d -> d.sign(clock.instant(), unit, deadlines));
        }
        Lambda.drain(QueueName.DISPATCH);
    }

    @Test
    void aTicketTeachesItsSignedLeadUnitWeighedByWhoDecided() {
        Ticket signed = tickets.signed("暖气不热");
        assertEquals(1.0, io.jiesu.aws.routing.RouterTraining.lesson(signed).orElseThrow().weight());
        assertEquals("heating-company", io.jiesu.aws.routing.RouterTraining.lesson(signed).orElseThrow().unit());
        assertTrue(io.jiesu.aws.routing.RouterTraining.lesson(tickets.received("暖气不热")).isEmpty(),
                "nobody decided yet: no lesson");
    }
}
