package io.jiesu.localcloud.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jiesu.localcloud.ElasticMqServer;
import io.jiesu.localcloud.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupState;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Drives {@link SchedulerServer} through the real AWS SDK SchedulerClient, delivering into a real ElasticMQ. */
class SchedulerServerTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/jiesu-scheduler";
    /** A Sunday, 20:00 in Shanghai. */
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;

    private MovableClock clock;
    private SchedulerServer server;
    private SchedulerClient scheduler;

    @BeforeAll
    static void startSqs() {
        elasticMq = ElasticMqServer.start();
        sqs = LocalAws.sqs(elasticMq.endpoint());
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
        elasticMq.close();
    }

    @BeforeEach
    void startScheduler() {
        clock = new MovableClock(START);
        server = SchedulerServer.start(clock, sqs);
        scheduler = SchedulerClient.builder()
                .endpointOverride(server.endpoint())
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stopScheduler() {
        scheduler.close();
        server.close();
    }

    // ---- API ---------------------------------------------------------------------------------------------------

    @Test
    void createGetUpdateListAndDeleteRoundTripEveryField() {
        String queue = queue("roundtrip");
        String dlq = queue("roundtrip-dlq");
        scheduler.createScheduleGroup(b -> b.name("tickets"));
        Instant startDate = START.plus(Duration.ofHours(1));
        Instant endDate = START.plus(Duration.ofDays(30));

        String arn = scheduler.createSchedule(b -> b
                .name("digest-daily")
                .groupName("tickets")
                .scheduleExpression("cron(0 8 ? * MON-FRI *)")
                .scheduleExpressionTimezone("Asia/Shanghai")
                .startDate(startDate)
                .endDate(endDate)
                .state(ScheduleState.DISABLED)
                .description("weekday digest")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15))
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("{\"digest\":\"daily\"}")
                        .retryPolicy(r -> r.maximumEventAgeInSeconds(3600).maximumRetryAttempts(3))
                        .deadLetterConfig(d -> d.arn(arnOf(dlq)))))
                .scheduleArn();
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/tickets/digest-daily", arn);

        GetScheduleResponse got = scheduler.getSchedule(b -> b.name("digest-daily").groupName("tickets"));
        assertEquals(arn, got.arn());
        assertEquals("digest-daily", got.name());
        assertEquals("tickets", got.groupName());
        assertEquals("cron(0 8 ? * MON-FRI *)", got.scheduleExpression());
        assertEquals("Asia/Shanghai", got.scheduleExpressionTimezone());
        assertEquals(startDate, got.startDate());
        assertEquals(endDate, got.endDate());
        assertEquals(ScheduleState.DISABLED, got.state());
        assertEquals("weekday digest", got.description());
        assertEquals(FlexibleTimeWindowMode.FLEXIBLE, got.flexibleTimeWindow().mode());
        assertEquals(15, got.flexibleTimeWindow().maximumWindowInMinutes());
        assertEquals(ActionAfterCompletion.DELETE, got.actionAfterCompletion());
        assertEquals(arnOf(queue), got.target().arn());
        assertEquals(ROLE, got.target().roleArn());
        assertEquals("{\"digest\":\"daily\"}", got.target().input());
        assertEquals(3600, got.target().retryPolicy().maximumEventAgeInSeconds());
        assertEquals(3, got.target().retryPolicy().maximumRetryAttempts());
        assertEquals(arnOf(dlq), got.target().deadLetterConfig().arn());
        assertEquals(START, got.creationDate());
        assertEquals(START, got.lastModificationDate());

        // UpdateSchedule replaces the whole definition: what is left out goes back to its default.
        clock.advance(Duration.ofMinutes(1));
        String updatedArn = scheduler.updateSchedule(b -> b
                .name("digest-daily")
                .groupName("tickets")
                .scheduleExpression("rate(5 minutes)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE)))
                .scheduleArn();
        assertEquals(arn, updatedArn);
        GetScheduleResponse updated = scheduler.getSchedule(b -> b.name("digest-daily").groupName("tickets"));
        assertEquals("rate(5 minutes)", updated.scheduleExpression());
        assertNull(updated.scheduleExpressionTimezone());
        assertNull(updated.startDate());
        assertNull(updated.endDate());
        assertNull(updated.description());
        assertEquals(ScheduleState.ENABLED, updated.state());
        assertEquals(ActionAfterCompletion.NONE, updated.actionAfterCompletion());
        assertEquals(FlexibleTimeWindowMode.OFF, updated.flexibleTimeWindow().mode());
        assertNull(updated.target().input());
        assertNull(updated.target().deadLetterConfig());
        assertEquals(86400, updated.target().retryPolicy().maximumEventAgeInSeconds(), "AWS default");
        assertEquals(185, updated.target().retryPolicy().maximumRetryAttempts(), "AWS default");
        assertEquals(START, updated.creationDate());
        assertEquals(START.plus(Duration.ofMinutes(1)), updated.lastModificationDate());

        ListSchedulesResponse listed = scheduler.listSchedules(b -> b.groupName("tickets"));
        assertEquals(1, listed.schedules().size());
        ScheduleSummary summary = listed.schedules().get(0);
        assertEquals(arn, summary.arn());
        assertEquals("digest-daily", summary.name());
        assertEquals("tickets", summary.groupName());
        assertEquals(ScheduleState.ENABLED, summary.state());
        assertEquals(arnOf(queue), summary.target().arn());
        assertEquals(START, summary.creationDate());
        assertEquals(START.plus(Duration.ofMinutes(1)), summary.lastModificationDate());
        assertNull(listed.nextToken());
        assertEquals(0, scheduler.listSchedules(b -> b.groupName(SchedulerServer.DEFAULT_GROUP)).schedules().size());

        scheduler.deleteSchedule(b -> b.name("digest-daily").groupName("tickets"));
        assertEquals(0, server.scheduleCount("tickets"));
        assertThrows(ResourceNotFoundException.class,
                () -> scheduler.getSchedule(b -> b.name("digest-daily").groupName("tickets")));
    }

    @Test
    void creatingAScheduleThatExistsIsAConflictUnlessItRetriesTheSameClientToken() {
        String queue = queue("conflict");
        CreateScheduleRequest request = atSchedule("sign-due-T1", "at(2026-03-05T09:00:00)", queue)
                .clientToken("token-1").build();
        String arn = scheduler.createSchedule(request).scheduleArn();

        assertEquals(arn, scheduler.createSchedule(request).scheduleArn(), "a retry of the same create succeeds");
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> scheduler.createSchedule(request.toBuilder().clientToken("token-2").build()));
        assertTrue(conflict.getMessage().contains("sign-due-T1"), conflict.getMessage());
        // The SDK fills in a fresh token per call when none is given.
        assertThrows(ConflictException.class,
                () -> scheduler.createSchedule(request.toBuilder().clientToken(null).build()));
        assertEquals(1, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));
    }

    @Test
    void getUpdateOrDeleteOfAMissingScheduleIsNotFound() {
        String queue = queue("missing");
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("nope")));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.deleteSchedule(b -> b.name("nope")));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.updateSchedule(b -> b.name("nope")
                .scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE))));
    }

    @Test
    void aScheduleInAMissingGroupIsNotFound() {
        String queue = queue("nogroup");
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> scheduler.createSchedule(
                atSchedule("x", "at(2026-03-05T09:00:00)", queue).groupName("no-such-group").build()));
        assertTrue(e.getMessage().contains("no-such-group"), e.getMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> scheduler.getSchedule(b -> b.name("x").groupName("no-such-group")));
        assertThrows(ResourceNotFoundException.class,
                () -> scheduler.deleteSchedule(b -> b.name("x").groupName("no-such-group")));
        assertThrows(ResourceNotFoundException.class,
                () -> scheduler.listSchedules(b -> b.groupName("no-such-group")));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getScheduleGroup(b -> b.name("no-such-group")));
        assertThrows(ResourceNotFoundException.class,
                () -> scheduler.deleteScheduleGroup(b -> b.name("no-such-group")));
    }

    @Test
    void scheduleGroupsAreCreatedListedAndDeletedTogetherWithTheirSchedules() {
        String queue = queue("groups");
        String groupArn = scheduler.createScheduleGroup(b -> b.name("digests")).scheduleGroupArn();
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule-group/digests", groupArn);
        assertThrows(ConflictException.class, () -> scheduler.createScheduleGroup(b -> b.name("digests")));
        assertThrows(ConflictException.class,
                () -> scheduler.createScheduleGroup(b -> b.name(SchedulerServer.DEFAULT_GROUP)));

        GetScheduleGroupResponse group = scheduler.getScheduleGroup(b -> b.name("digests"));
        assertEquals(groupArn, group.arn());
        assertEquals(ScheduleGroupState.ACTIVE, group.state());
        assertEquals(START, group.creationDate());
        assertEquals(List.of("default", "digests"), scheduler.listScheduleGroups(b -> { }).scheduleGroups().stream()
                .map(g -> g.name()).collect(Collectors.toList()));
        assertEquals(List.of("digests"), scheduler.listScheduleGroupsPaginator(b -> b.namePrefix("dig")
                .maxResults(1)).scheduleGroups().stream().map(g -> g.name()).collect(Collectors.toList()));

        scheduler.createSchedule(atSchedule("a", "at(2026-03-05T09:00:00)", queue).groupName("digests").build());
        scheduler.createSchedule(atSchedule("a", "at(2026-03-05T09:00:00)", queue).build()); // same name, other group
        assertEquals(1, server.scheduleCount("digests"));
        assertEquals(1, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));

        assertThrows(ValidationException.class,
                () -> scheduler.deleteScheduleGroup(b -> b.name(SchedulerServer.DEFAULT_GROUP)));
        scheduler.deleteScheduleGroup(b -> b.name("digests"));
        assertEquals(0, server.scheduleCount("digests"));
        assertEquals(1, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getScheduleGroup(b -> b.name("digests")));
    }

    @Test
    void badExpressionsAreValidationErrors() {
        String queue = queue("badexpr");
        for (String expression : List.of(
                "at(2026-02-30T08:00:00)",   // no such day
                "at(2026-03-05 08:00:00)",
                "at(2026-03-05T08:00)",
                "rate(0 minutes)",
                "rate(5 weeks)",
                "rate(-1 hours)",
                "cron(0 8 * * * *)",         // * in both day fields
                "cron(0 8 ? * MON-FRI)",     // no year
                "cron(0 8 15W * ? *)",       // W is not emulated
                "cron(0 25 ? * * *)",
                "every day at eight")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> scheduler.createSchedule(atSchedule("bad", expression, queue).build()), expression);
            assertTrue(e.getMessage().contains(expression), e.getMessage());
            assertEquals(400, e.statusCode());
        }
        assertEquals(0, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));
    }

    @Test
    void aBadTimezoneIsAValidationError() {
        String queue = queue("badzone");
        for (String zone : List.of("Asia/Beijing", "UTC+8", "+08:00", "shanghai")) {
            ValidationException e = assertThrows(ValidationException.class, () -> scheduler.createSchedule(
                    atSchedule("bad", "cron(0 8 ? * MON-FRI *)", queue).scheduleExpressionTimezone(zone).build()),
                    zone);
            assertTrue(e.getMessage().contains(zone), e.getMessage());
        }
    }

    @Test
    void missingOrUnusableFieldsAreValidationErrors() {
        String queue = queue("badfields");
        List<Consumer<CreateScheduleRequest.Builder>> breakages = List.of(
                b -> b.target((Target) null),
                b -> b.target(t -> t.arn(arnOf(queue))),                                  // no RoleArn
                b -> b.target(t -> t.arn("arn:aws:lambda:us-east-1:000000000000:function:f").roleArn(ROLE)),
                b -> b.target(t -> t.arn(arnOf(queue)).roleArn("not-a-role")),
                b -> b.flexibleTimeWindow((FlexibleTimeWindow) null),
                b -> b.flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE)), // no window size
                b -> b.state("PAUSED"),
                b -> b.actionAfterCompletion("ARCHIVE"),
                b -> b.name("has space"),
                b -> b.scheduleExpression("rate(1 hour)").startDate(START.minus(Duration.ofMinutes(6))),
                b -> b.scheduleExpression("rate(1 hour)").startDate(START.plus(Duration.ofHours(2)))
                        .endDate(START.plus(Duration.ofHours(1))));
        for (int i = 0; i < breakages.size(); i++) {
            CreateScheduleRequest.Builder request = atSchedule("fields", "at(2026-03-05T09:00:00)", queue);
            breakages.get(i).accept(request);
            assertThrows(ValidationException.class, () -> scheduler.createSchedule(request.build()), "case " + i);
        }
        assertEquals(0, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));
    }

    @Test
    void listSchedulesPaginatesWithMaxResultsAndFilters() {
        String queue = queue("list");
        for (int i = 0; i < 7; i++) {
            String name = "sign-due-" + i;
            scheduler.createSchedule(atSchedule(name, "at(2026-03-05T09:00:00)", queue)
                    .state(i % 2 == 0 ? ScheduleState.ENABLED : ScheduleState.DISABLED).build());
        }
        scheduler.createSchedule(atSchedule("reply-due-0", "at(2026-03-05T09:00:00)", queue).build());

        List<String> names = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListSchedulesResponse page = scheduler.listSchedules(b -> b.maxResults(3).nextToken(next));
            pageSizes.add(page.schedules().size());
            page.schedules().forEach(s -> names.add(s.name()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of(3, 3, 2), pageSizes);
        assertEquals(List.of("reply-due-0", "sign-due-0", "sign-due-1", "sign-due-2", "sign-due-3", "sign-due-4",
                "sign-due-5", "sign-due-6"), names);

        assertEquals(7, scheduler.listSchedulesPaginator(b -> b.namePrefix("sign-due-").maxResults(2))
                .schedules().stream().count());
        assertEquals(List.of("sign-due-1", "sign-due-3", "sign-due-5"),
                scheduler.listSchedulesPaginator(b -> b.state(ScheduleState.DISABLED).maxResults(1)).schedules()
                        .stream().map(ScheduleSummary::name).collect(Collectors.toList()));
        assertThrows(ValidationException.class, () -> scheduler.listSchedules(b -> b.maxResults(101)));
        assertThrows(ValidationException.class, () -> scheduler.listSchedules(b -> b.nextToken("!!not-a-token!!")));
    }

    // ---- firing ------------------------------------------------------------------------------------------------

    @Test
    void anAtScheduleInShanghaiFiresOnceAtItsInstantDeliversItsInputAndIsDeleted() {
        String queue = queue("at");
        // 09:30 in Shanghai on 2026-03-02 is 01:30 UTC.
        scheduler.createSchedule(atSchedule("sign-due-T42", "at(2026-03-02T09:30:00)", queue)
                .scheduleExpressionTimezone("Asia/Shanghai")
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("{\"ticket\":\"T42\",\"version\":7}"))
                .build());

        clock.set(Instant.parse("2026-03-02T01:29:59Z"));
        assertEquals(0, server.fireDue(), "not a second early");
        clock.set(Instant.parse("2026-03-02T01:29:59.999Z"));
        assertEquals(0, server.fireDue(), "not a millisecond early");
        assertEquals(List.of(), drain(queue));
        assertEquals(1, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));

        clock.set(Instant.parse("2026-03-02T01:30:00Z"));
        assertEquals(1, server.fireDue());
        assertEquals(List.of("{\"ticket\":\"T42\",\"version\":7}"), drain(queue));
        assertEquals(1, server.fired());
        assertEquals(0, server.scheduleCount(SchedulerServer.DEFAULT_GROUP));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("sign-due-T42")));

        assertEquals(0, server.fireDue());
        clock.advance(Duration.ofDays(3));
        assertEquals(0, server.fireDue());
        assertEquals(List.of(), drain(queue));
        assertEquals(1, server.fired());
    }

    @Test
    void aChaosRunDropsAShareOfFiringsWhichAreUsedUpAndNeverArrive() {
        String queue = queue("dropped");
        for (int i = 0; i < 20; i++) {
            scheduler.createSchedule(atSchedule("timer-" + i, "at(2026-03-01T12:30:00)", queue)
                    .actionAfterCompletion(ActionAfterCompletion.DELETE).build());
        }
        server.dropFirings(0.5, 7);
        clock.set(Instant.parse("2026-03-01T12:30:00Z"));
        assertEquals(20, server.fireDue(), "every occurrence is used up");
        long dropped = server.dropped();
        assertTrue(dropped > 0 && dropped < 20, "about half dropped: " + dropped);
        assertEquals(20 - dropped, drain(queue).size(), "the dropped ones arrive nowhere");
        assertEquals(0, server.scheduleCount(SchedulerServer.DEFAULT_GROUP), "the one-time schedules are gone all the same");
        server.dropFirings(0, 0);
        scheduler.createSchedule(atSchedule("timer-again", "at(2026-03-01T12:30:00)", queue).build());
        assertEquals(1, server.fireDue());
        assertEquals(1, drain(queue).size(), "with no share set, every firing arrives");
    }

    @Test
    void anAtScheduleWithoutDeleteStaysAfterFiringButNeverFiresAgain() {
        String queue = queue("at-keep");
        scheduler.createSchedule(atSchedule("reminder", "at(2026-03-01T12:30:00)", queue).build()); // UTC by default
        clock.set(Instant.parse("2026-03-01T12:45:00Z"));
        assertEquals(1, server.fireDue());
        assertEquals(List.of("{}"), drain(queue), "no Input: an empty JSON object");
        clock.advance(Duration.ofDays(1));
        assertEquals(0, server.fireDue());
        assertEquals("at(2026-03-01T12:30:00)", scheduler.getSchedule(b -> b.name("reminder")).scheduleExpression());
        assertEquals(List.of(), drain(queue));
    }

    @Test
    void aWeekdayCronInShanghaiFiresAtEightLocalOnWeekdaysOnlyAcrossAMovedWeek() {
        String queue = queue("cron");
        scheduler.createSchedule(atSchedule("digest", "cron(0 8 ? * MON-FRI *)", queue)
                .scheduleExpressionTimezone("Asia/Shanghai")
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("<aws.scheduler.scheduled-time>"))
                .build());

        List<String> bodies = new ArrayList<>();
        List<Integer> firedPerStep = new ArrayList<>();
        // Sunday 20:00 Shanghai to Tuesday 09:00 Shanghai the week after, six hours at a time.
        while (clock.instant().isBefore(Instant.parse("2026-03-10T01:00:00Z"))) {
            clock.advance(Duration.ofHours(6));
            firedPerStep.add(server.fireDue());
            bodies.addAll(drain(queue));
        }
        bodies.sort(null);
        assertEquals(List.of("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z",
                "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z", "2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z"),
                bodies, "08:00 Asia/Shanghai, Monday to Friday, nothing on Saturday 7th or Sunday 8th");
        assertEquals(7, server.fired());
        assertEquals(7, firedPerStep.stream().mapToInt(Integer::intValue).sum());
        assertTrue(firedPerStep.stream().allMatch(n -> n <= 1), "one per step of six hours: " + firedPerStep);
        assertEquals(1, server.scheduleCount(SchedulerServer.DEFAULT_GROUP), "recurring schedules stay");
    }

    @Test
    void aRateScheduleCatchesUpEachMissedOccurrenceOnceInTimeOrder() {
        String queue = fifoQueue("rate");
        scheduler.createSchedule(atSchedule("hourly", "rate(1 hour)", queue)
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("<aws.scheduler.scheduled-time>")
                        .sqsParameters(p -> p.messageGroupId("hourly")))
                .build());

        assertEquals(1, server.fireDue(), "no StartDate: the first occurrence is at creation");
        clock.advance(Duration.ofMinutes(3 * 60 + 30));
        assertEquals(3, server.fireDue(), "13:00, 14:00 and 15:00 were missed");
        assertEquals(0, server.fireDue());
        clock.advance(Duration.ofMinutes(30));
        assertEquals(1, server.fireDue());

        assertEquals(List.of("2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z", "2026-03-01T14:00:00Z",
                "2026-03-01T15:00:00Z", "2026-03-01T16:00:00Z"), drain(queue), "FIFO order is firing order");
        assertEquals(5, server.fired());
    }

    @Test
    void aRateScheduleStartsAtItsStartDateAndStopsBeforeItsEndDate() {
        String queue = fifoQueue("rate-window");
        scheduler.createSchedule(atSchedule("window", "rate(30 minutes)", queue)
                .startDate(START.plus(Duration.ofHours(1)))
                .endDate(START.plus(Duration.ofHours(2)))
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("<aws.scheduler.scheduled-time>")
                        .sqsParameters(p -> p.messageGroupId("window")))
                .build());
        clock.advance(Duration.ofMinutes(59));
        assertEquals(0, server.fireDue());
        clock.advance(Duration.ofHours(5));
        assertEquals(2, server.fireDue());
        assertEquals(List.of("2026-03-01T13:00:00Z", "2026-03-01T13:30:00Z"), drain(queue));
        assertEquals(0, server.scheduleCount(SchedulerServer.DEFAULT_GROUP), "completed, with DELETE");
    }

    @Test
    void aDisabledScheduleDoesNotFireUntilItIsEnabled() {
        String queue = queue("disabled");
        CreateScheduleRequest request = atSchedule("off", "at(2026-03-01T13:00:00)", queue)
                .state(ScheduleState.DISABLED).build();
        scheduler.createSchedule(request);
        clock.advance(Duration.ofHours(2));
        assertEquals(0, server.fireDue());
        assertEquals(List.of(), drain(queue));

        scheduler.updateSchedule(b -> b.name("off").scheduleExpression(request.scheduleExpression())
                .flexibleTimeWindow(request.flexibleTimeWindow()).target(request.target())
                .state(ScheduleState.ENABLED));
        assertEquals(1, server.fireDue(), "enabled with its instant past: fires at once");
        assertEquals(List.of("{}"), drain(queue));
    }

    @Test
    void anUpdatedScheduleFiresAtItsNewTimeOnly() {
        String queue = queue("updated");
        scheduler.createSchedule(atSchedule("reply-due", "at(2026-03-01T13:00:00)", queue)
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("old")).build());
        clock.set(Instant.parse("2026-03-01T12:30:00Z"));
        scheduler.updateSchedule(b -> b.name("reply-due").scheduleExpression("at(2026-03-01T15:00:00)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("new")));

        clock.set(Instant.parse("2026-03-01T14:59:59Z"));
        assertEquals(0, server.fireDue(), "nothing at the old time");
        assertEquals(List.of(), drain(queue));
        clock.set(Instant.parse("2026-03-01T15:00:00Z"));
        assertEquals(1, server.fireDue());
        assertEquals(List.of("new"), drain(queue));
        clock.advance(Duration.ofDays(1));
        assertEquals(0, server.fireDue());
    }

    @Test
    void contextAttributesInTheInputAreReplaced() {
        String queue = queue("context");
        String arn = scheduler.createSchedule(atSchedule("ctx", "at(2026-03-01T12:05:00)", queue)
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE).input("{\"arn\":\"<aws.scheduler.schedule-arn>\","
                        + "\"at\":\"<aws.scheduler.scheduled-time>\",\"attempt\":<aws.scheduler.attempt-number>,"
                        + "\"id\":\"<aws.scheduler.execution-id>\"}")).build()).scheduleArn();
        clock.advance(Duration.ofMinutes(10));
        server.fireDue();
        List<String> bodies = drain(queue);
        assertEquals(1, bodies.size());
        assertTrue(bodies.get(0).startsWith("{\"arn\":\"" + arn + "\",\"at\":\"2026-03-01T12:05:00Z\",\"attempt\":1,"
                + "\"id\":\""), bodies.get(0));
        assertTrue(bodies.get(0).matches(".*\"id\":\"[0-9a-f]{16}\"}"), bodies.get(0));
    }

    @Test
    void aDeliveryThatFailsGoesToTheDeadLetterQueue() {
        String dlq = queue("dead");
        String missing = "arn:aws:sqs:us-east-1:000000000000:no-such-queue";
        scheduler.createSchedule(atSchedule("lost", "at(2026-03-01T12:05:00)", dlq)
                .target(t -> t.arn(missing).roleArn(ROLE).input("payload").deadLetterConfig(d -> d.arn(arnOf(dlq))))
                .build());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, server.fireDue());
        assertEquals(0, server.fired());
        assertEquals(1, server.failedDeliveries());
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(url(dlq)).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
        assertEquals(1, dead.size());
        assertEquals("payload", dead.get(0).body());
        assertEquals(missing, dead.get(0).messageAttributes().get("TARGET_ARN").stringValue());
        assertTrue(dead.get(0).messageAttributes().containsKey("ERROR_CODE"));
    }

    @Test
    void theTickerFiresDueSchedulesOnItsOwn() throws InterruptedException {
        String queue = queue("ticker");
        scheduler.createSchedule(atSchedule("tick", "at(2026-03-01T12:01:00)", queue).build());
        server.startTicking(Duration.ofMillis(20));
        Thread.sleep(200);
        assertEquals(0, server.fired(), "not due yet");
        clock.advance(Duration.ofMinutes(1));
        Instant deadline = Instant.now().plusSeconds(10);
        while (server.fired() == 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("the ticker did not fire the schedule");
            }
            Thread.sleep(20);
        }
        assertEquals(List.of("{}"), drain(queue));
        assertThrows(IllegalStateException.class, () -> server.startTicking(Duration.ofSeconds(1)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A request for a schedule with everything required filled in: no time zone, OFF window, no input. */
    private static CreateScheduleRequest.Builder atSchedule(String name, String expression, String queue) {
        return CreateScheduleRequest.builder()
                .name(name)
                .scheduleExpression(expression)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(arnOf(queue)).roleArn(ROLE));
    }

    private static String queue(String prefix) {
        String name = prefix + "-" + QUEUES.incrementAndGet();
        sqs.createQueue(b -> b.queueName(name));
        return name;
    }

    private static String fifoQueue(String prefix) {
        String name = prefix + "-" + QUEUES.incrementAndGet() + ".fifo";
        sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")));
        return name;
    }

    private static String arnOf(String queue) {
        return "arn:aws:sqs:us-east-1:000000000000:" + queue;
    }

    private static String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    /** Receives and deletes every message now in the queue, bodies in the order received. */
    private static List<String> drain(String queue) {
        String url = url(queue);
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message m : messages) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
