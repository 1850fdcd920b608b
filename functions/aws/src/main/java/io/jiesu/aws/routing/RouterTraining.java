package io.jiesu.aws.routing;

import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Routing;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.routing.LearnedDispatch;
import io.jiesu.routing.Lesson;
import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.routing.RouterModel;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.TicketImport;
import io.jiesu.routing.eval.ThresholdMeasurement;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Trains the router on the centre's own decisions (docs/decisions/0005-learned-router.md, "Lessons and their
 * weights") and puts the model in force: every ticket whose lead unit signed it is a lesson for that unit, weighed
 * by how it was decided ({@link #lesson}), together with the city's import if there was one. Run daily by its
 * schedule and on an admin's request, both in the training function (template.yaml: TrainFunction), never inside an
 * HTTP request ({@link TrainingRequests}).
 */
public class RouterTraining {
    /** Too few lessons to train on: the answer says how many there were and how many are needed. */
    public static final class NotEnoughHistory extends RuntimeException {
        public NotEnoughHistory(int had, int needed, Set<String> units) {
            super("the history holds " + had + " lessons of " + units.size() + " units; a router needs at least "
                    + needed + " lessons of at least two units");
        }
    }

    /** What a training produced, and the threshold it measured for its model on the history held out. */
    public record Trained(String version, int examples, List<String> units, MeasuredThreshold measured) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final RouterModels models;
    private final int minimumExamples;
    private final double targetPrecision;
    private final Clock clock;
    private final Supplier<RoutingCatalogue> catalogue;

    /**
     * @param targetPrecision the precision asked of the router's own dispatches (jiesu.routing.target-precision)
     * @param catalogue       the catalogue in force: its keywords are lessons too (words of units with few dispatches)
     */
    public RouterTraining(DynamoDbClient dynamo, String table, RouterModels models, int minimumExamples,
                          double targetPrecision, Clock clock, Supplier<RoutingCatalogue> catalogue) {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("jiesu.routing.target-precision is a precision in (0, 1], was "
                    + targetPrecision);
        }
        this.dynamo = dynamo;
        this.table = table;
        this.models = models;
        this.minimumExamples = minimumExamples;
        this.targetPrecision = targetPrecision;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /**
     * The lesson a ticket teaches, if any: its lead unit, once that unit signed it (a unit that returns a ticket
     * signs it first, but a return clears the lead unit, so a returned dispatch teaches nothing for its unit).
     * Weighed by who decided: joint review most, the dispatch after a return double, a dispatcher's choice once,
     * the router's own kept dispatch half (so it does not teach itself its habits).
     */
    public static Optional<RoutingExample> lesson(Ticket t) {
        if (t.leadUnit() == null || t.signedAt() == null || t.content() == null || t.content().isBlank()) {
            return Optional.empty();
        }
        Routing.DispatchedBy by = t.routing() == null ? null : t.routing().dispatchedBy();
        Lesson lesson = by == Routing.DispatchedBy.JOINT_REVIEW ? Lesson.JOINT_REVIEW
                : !t.returnedBy().isEmpty() ? Lesson.AFTER_RETURN
                : by == Routing.DispatchedBy.ROUTER ? Lesson.ROUTER_KEPT
                : Lesson.HAND_KEPT;
        return Optional.of(RoutingExample.of(LearnedDispatch.text(t), t.leadUnit(), lesson));
    }

    /** Trains on the history (and the kept import) and puts the new model in force. */
    public Trained train() {
        List<RoutingExample> examples = new ArrayList<>();
        models.storedImport().ifPresent(raw -> examples.addAll(TicketImport.read(raw)));
        examples.addAll(history());
        return trainAndStore(examples);
    }

    /**
     * A city's export of past tickets, read (refused with the row at fault before anything is kept) and kept for
     * every later training; the training itself is asked of the training function.
     *
     * @return how many rows it holds
     * @throws IllegalArgumentException naming the row when the import cannot be read
     */
    public int keepImport(byte[] raw) {
        List<RoutingExample> examples = TicketImport.read(raw);
        checkEnough(examples);
        models.storeImport(raw);
        return examples.size();
    }

    /**
     * Reads an uploaded export as an import (refused with the row at fault, or when it holds too few rows).
     *
     * @throws IllegalArgumentException naming the row when it cannot be read
     */
    public List<RoutingExample> readImport(byte[] raw) {
        List<RoutingExample> examples = TicketImport.read(raw);
        checkEnough(examples);
        return examples;
    }

    /**
     * Trains on an uploaded export and the history, and keeps the export as the import only once the model trained
     * on it is in force: an export that cannot be trained on (too large for the function, say) never becomes the
     * import every later training would fail on.
     */
    public Trained trainWithImport(byte[] raw, List<RoutingExample> imported) {
        List<RoutingExample> examples = new ArrayList<>(imported);
        examples.addAll(history());
        Trained trained = trainAndStore(examples);
        models.storeImport(raw);
        return trained;
    }

    /** Every ticket's lesson, in id order so that the same history trains the same model. */
    public List<RoutingExample> history() {
        ScanRequest scan = ScanRequest.builder().tableName(table).consistentRead(true)
                .filterExpression("SK = :t AND begins_with(PK, :p)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.builder().s("TICKET").build(),
                        ":p", AttributeValue.builder().s("T#").build()))
                .projectionExpression("PK, doc").build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(scan).items().forEach(items::add);
        items.sort(java.util.Comparator.comparing(i -> i.get("PK").s()));
        List<RoutingExample> out = new ArrayList<>();
        items.forEach(i -> lesson(TicketJson.read(i.get("doc").s(), Ticket.class)).ifPresent(out::add));
        return out;
    }

    /**
     * Trains the model, then measures on the history held out the confidence from which it may dispatch alone for
     * the target precision, and stores the two together: the dispatch function never holds a model without the
     * threshold measured for it. A large history costs one training more, a small one five small ones.
     */
    private Trained trainAndStore(List<RoutingExample> examples) {
        checkEnough(examples);
        RoutingCatalogue inForce = catalogue.get();
        RouterTrainer trainer = RouterTrainer.chosen(clock);
        MeasuredThreshold measured = ThresholdMeasurement.measure(trainer, examples, inForce, targetPrecision);
        RouterModel model = trainer.train(examples, inForce).withMeasured(measured);
        models.store(model);
        return new Trained(model.version(), examples.size(), model.about().units(), measured);
    }

    private void checkEnough(List<RoutingExample> examples) {
        Set<String> units = new HashSet<>();
        examples.forEach(e -> units.add(e.unit()));
        if (examples.size() < minimumExamples || units.size() < 2) {
            throw new NotEnoughHistory(examples.size(), minimumExamples, units);
        }
    }
}
