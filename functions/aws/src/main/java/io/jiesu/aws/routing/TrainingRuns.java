package io.jiesu.aws.routing;

import io.jiesu.routing.MeasuredThreshold;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The router's trainings asked for (by an admin, or by an import), each a run with its state, beside the models in
 * their partition ({@link RouterModels#PK}). An admin's request is answered at once with the run; the training
 * function does the work and writes how it ended, so the admin looks at the run instead of holding a request open
 * for as long as a large history takes to learn.
 */
public class TrainingRuns {
    /** Where a run stands. */
    public enum State {
        /** asked for; the training function has not finished it */
        REQUESTED,
        /** a new model is in force */
        TRAINED,
        /** too few lessons: the model in force stays (asking again will not help until there are more) */
        NOT_TRAINED,
        /** the training failed; the training function tries again, then the message goes to the dead-letter queue */
        FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean finished() {
            return this == TRAINED || this == NOT_TRAINED;
        }
    }

    /** One run; the model's fields and the threshold measured for it once trained, the reason once not. */
    public record Run(String id, State state, String requestedBy, Instant requestedAt, Instant finishedAt,
                      String version, Integer examples, MeasuredThreshold measured, String message) {
    }

    /** Run ids are made here: a timestamp and 8 hex digits ("20261130T162000Z-1a2b3c4d"). */
    public static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final String SK = "RUN#";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public TrainingRuns(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** A new run, requested now by {@code requestedBy} ("admin", "import"). */
    public Run request(String requestedBy) {
        Instant now = clock.instant();
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        Run run = new Run(STAMP.format(now) + "-" + HexFormat.of().formatHex(random), State.REQUESTED, requestedBy,
                now, null, null, null, null, null);
        put(run);
        return run;
    }

    public Optional<Run> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Run(id, State.valueOf(item.get("state").s()), str(item, "requestedBy"),
                Instant.parse(item.get("requestedAt").s()), Optional.ofNullable(str(item, "finishedAt"))
                .map(Instant::parse).orElse(null), str(item, "version"),
                item.containsKey("examples") ? Integer.valueOf(item.get("examples").n()) : null, measured(item),
                str(item, "message")));
    }

    /** How the run ended; a run already finished is left as it was (a message delivered twice trains once). */
    public void finish(Run run, State state, String version, Integer examples, MeasuredThreshold measured,
                       String message) {
        put(new Run(run.id(), state, run.requestedBy(), run.requestedAt(), clock.instant(), version, examples,
                measured, message));
    }

    private void put(Run run) {
        Map<String, AttributeValue> item = key(run.id());
        item.put("state", s(run.state().name()));
        item.put("requestedBy", s(run.requestedBy()));
        item.put("requestedAt", s(run.requestedAt().toString()));
        if (run.finishedAt() != null) {
            item.put("finishedAt", s(run.finishedAt().toString()));
        }
        if (run.version() != null) {
            item.put("version", s(run.version()));
        }
        if (run.examples() != null) {
            item.put("examples", n(run.examples()));
        }
        if (run.measured() != null) {
            MeasuredThreshold m = run.measured();
            item.put("target", n(m.target()));
            item.put("automatic", n(m.automatic()));
            item.put("heldOut", n(m.heldOut()));
            if (m.reached()) {
                item.put("threshold", n(m.threshold()));
                item.put("precision", n(m.precision()));
            }
        }
        if (run.message() != null) {
            item.put("message", s(run.message()));
        }
        try {
            // a finished run is never overwritten: the first ending stands
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#s) OR NOT #s IN (:trained, :not)")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":trained", s(State.TRAINED.name()),
                            ":not", s(State.NOT_TRAINED.name()))));
        } catch (ConditionalCheckFailedException alreadyFinished) {
            // delivered twice: the first delivery's ending is the run's
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("PK", s(RouterModels.PK));
        k.put("SK", s(SK + id));
        return k;
    }

    private static MeasuredThreshold measured(Map<String, AttributeValue> item) {
        if (!item.containsKey("target")) {
            return null;
        }
        return new MeasuredThreshold(number(item, "target"), item.containsKey("threshold") ? number(item, "threshold") : null,
                item.containsKey("precision") ? number(item, "precision") : null, number(item, "automatic"),
                (int) number(item, "heldOut"));
    }

    private static double number(Map<String, AttributeValue> item, String name) {
        return Double.parseDouble(item.get(name).n());
    }

    private static AttributeValue n(Number v) {
        return AttributeValue.builder().n(v.toString()).build();
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
