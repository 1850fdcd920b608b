package io.jiesu.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.protos.core.ModelProto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained router: which units it knows, when and from how many lessons it was trained, and the classifier.
 * It proposes the three likeliest units for a ticket with their confidence. Whether that is enough to dispatch
 * without a person is the deployment's threshold, raised to what this model's training measured on the held-out
 * history ({@link MeasuredThreshold}) for the precision the centre asks.
 */
public final class RouterModel {
    /**
     * What a stored model says of itself.
     *
     * @param temperature how sharply margins become a confidence (1 in models stored before it was kept)
     * @param confidence  how margins become a confidence ({@link Confidence}; SOFTMAX in models stored before it)
     * @param measured    what its training measured on the held-out history; null for a model trained without a
     *                    measurement (stored before it was kept, or trained directly by the evaluation)
     */
    public record About(String version, Instant trainedAt, int examples, List<String> units, String features,
                        String classifier, int featureCount, double temperature, Confidence confidence,
                        MeasuredThreshold measured) {
        /**
         * The confidence from which the model dispatches alone: the deployment's {@code lowest}, raised to the
         * threshold its training measured; above every confidence when the measurement reached no threshold.
         */
        public double dispatchesAloneFrom(double lowest) {
            if (measured == null) {
                return lowest;
            }
            return measured.reached() ? Math.max(lowest, measured.threshold()) : Double.POSITIVE_INFINITY;
        }

        /** As JSON, the model's own header: what a store keeps beside the model to tell of it without loading it. */
        public String toJson() {
            try {
                return JSON.writeValueAsString(header(this));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static About fromJson(String json) {
            try {
                return about(JSON.readValue(json, Map.class));
            } catch (IOException e) {
                throw new IllegalArgumentException("not a router model's header: " + e.getMessage(), e);
            }
        }
    }

    private static final byte[] MAGIC = "JSRM".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final About about;
    private final Model<Label> model;
    private final Features features;
    private final boolean probabilities;

    RouterModel(About about, Model<Label> model) {
        this.about = about;
        this.model = model;
        this.features = Features.parse(about.features());
        this.probabilities = model.generatesProbabilities();
    }

    public About about() {
        return about;
    }

    public String version() {
        return about.version();
    }

    /** The same model, carrying what its training measured. */
    public RouterModel withMeasured(MeasuredThreshold measured) {
        About a = about;
        return new RouterModel(new About(a.version(), a.trainedAt(), a.examples(), a.units(), a.features(),
                a.classifier(), a.featureCount(), a.temperature(), a.confidence(), measured), model);
    }

    /** {@link About#dispatchesAloneFrom}. */
    public double dispatchesAloneFrom(double lowest) {
        return about.dispatchesAloneFrom(lowest);
    }

    /** The three likeliest units, best first. */
    public List<Suggestion> suggest(TicketText ticket) {
        return suggest(ticket, Set.of(), 3);
    }

    /**
     * The likeliest units, best first, leaving out the units that already returned this ticket (a return is final
     * for that ticket). Empty when the ticket shares no feature with anything the model has seen: then the model
     * has nothing to say and a dispatcher decides.
     */
    public List<Suggestion> suggest(TicketText ticket, Collection<String> excludedUnits, int howMany) {
        Map<String, Double> scores = scores(ticket);
        if (!probabilities) {
            about.confidence().apply(scores, about.temperature());
        }
        List<Suggestion> all = new ArrayList<>();
        scores.forEach((unit, p) -> {
            if (!excludedUnits.contains(unit)) {
                all.add(new Suggestion(unit, p));
            }
        });
        all.sort(RouterTrainer.byConfidence());
        return List.copyOf(all.subList(0, Math.min(howMany, all.size())));
    }

    /**
     * The classifier's own score of every unit (the SVM's margins, or the probabilities of a probabilistic one);
     * empty when the ticket shares no feature with anything the model has seen.
     */
    public Map<String, Double> scores(TicketText ticket) {
        var example = RouterTrainer.example(LabelFactory.UNKNOWN_LABEL, features.of(ticket), null);
        Prediction<Label> prediction;
        try {
            prediction = model.predict(example);
        } catch (IllegalArgumentException noKnownFeature) {
            return new LinkedHashMap<>();
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        prediction.getOutputScores().forEach((unit, label) -> scores.put(unit, label.getScore()));
        return scores;
    }

    public boolean probabilities() {
        return probabilities;
    }

    /**
     * The bytes to store (S3 object, DynamoDB item chunks): a small self-describing header, then Tribuo's own
     * protobuf form of the classifier, all gzipped.
     */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(MAGIC);
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                out.writeInt(FORMAT);
                byte[] header = JSON.writeValueAsBytes(header(about));
                out.writeInt(header.length);
                out.write(header);
                byte[] body = model.serialize().toByteArray();
                out.writeInt(body.length);
                out.write(body);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RouterModel fromBytes(byte[] stored) {
        if (stored.length < MAGIC.length || !new String(stored, 0, MAGIC.length, StandardCharsets.US_ASCII)
                .equals("JSRM")) {
            throw new IllegalArgumentException("these bytes are not a stored router model");
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(
                new ByteArrayInputStream(stored, MAGIC.length, stored.length - MAGIC.length)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("router model format " + format + " is not readable here");
            }
            About about = about(JSON.readValue(in.readNBytes(in.readInt()), Map.class));
            Model<?> model = Model.deserialize(ModelProto.parseFrom(in.readNBytes(in.readInt())));
            if (!model.validate(Label.class)) {
                throw new IllegalArgumentException("the stored router model does not predict units");
            }
            @SuppressWarnings("unchecked")
            Model<Label> units = (Model<Label>) model;
            return new RouterModel(about, units);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored router model could not be read", e);
        }
    }

    private static Map<String, Object> header(About a) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("version", a.version());
        h.put("trainedAt", a.trainedAt().toString());
        h.put("examples", a.examples());
        h.put("units", a.units());
        h.put("features", a.features());
        h.put("classifier", a.classifier());
        h.put("featureCount", a.featureCount());
        h.put("temperature", a.temperature());
        h.put("confidence", a.confidence().name());
        if (a.measured() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", a.measured().target());
            m.put("threshold", a.measured().threshold());
            m.put("precision", a.measured().precision());
            m.put("automatic", a.measured().automatic());
            m.put("heldOut", a.measured().heldOut());
            h.put("measured", m);
        }
        return h;
    }

    @SuppressWarnings("unchecked")
    private static About about(Map<?, ?> h) {
        return new About((String) h.get("version"), Instant.parse((String) h.get("trainedAt")),
                ((Number) h.get("examples")).intValue(), List.copyOf((List<String>) h.get("units")),
                (String) h.get("features"), (String) h.get("classifier"),
                ((Number) h.get("featureCount")).intValue(),
                h.get("temperature") == null ? 1.0 : ((Number) h.get("temperature")).doubleValue(),
                Confidence.named(h.get("confidence")), measured((Map<?, ?>) h.get("measured")));
    }

    private static MeasuredThreshold measured(Map<?, ?> m) {
        if (m == null) {
            return null;
        }
        return new MeasuredThreshold(((Number) m.get("target")).doubleValue(), doubleOrNull(m.get("threshold")),
                doubleOrNull(m.get("precision")), ((Number) m.get("automatic")).doubleValue(),
                ((Number) m.get("heldOut")).intValue());
    }

    private static Double doubleOrNull(Object n) {
        return n == null ? null : ((Number) n).doubleValue();
    }
}
