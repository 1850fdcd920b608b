package io.jiesu.routing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void theFirstUnitsConfidenceIsItsLeadOverTheRunnerUp() {
        Map<String, Double> m = new HashMap<>(Map.of("A", 1.0, "B", 0.5, "C", -0.5));

        Confidence.RUNNER_UP.apply(m, 0.5);

        assertEquals(1 / (1 + Math.exp(-1.0)), m.get("A"), 1e-12, "(1.0 - 0.5) / 0.5");
        assertEquals(1 / (1 + Math.exp(1.0)), m.get("B"), 1e-12, "B against the first");
        assertEquals(1 / (1 + Math.exp(3.0)), m.get("C"), 1e-12, "C against the first");
    }

    @Test
    void unitsFarBehindDoNotDiluteTheFirstUnitsConfidence() {
        // a city of 40 units has many units far behind on any ticket; they decide nothing about the first two
        Map<String, Double> few = new HashMap<>(Map.of("A", 0.8, "B", 0.1));
        Map<String, Double> many = new HashMap<>(few);
        for (int i = 0; i < 38; i++) {
            many.put("U" + i, -0.2);
        }

        Confidence.RUNNER_UP.apply(few, 0.5);
        Confidence.RUNNER_UP.apply(many, 0.5);

        assertEquals(few.get("A"), many.get("A"), 1e-12);
        Map<String, Double> softFew = new HashMap<>(Map.of("A", 0.8, "B", 0.1));
        Map<String, Double> softMany = new HashMap<>(softFew);
        many.keySet().stream().filter(k -> k.startsWith("U")).forEach(k -> softMany.put(k, -0.2));
        Confidence.SOFTMAX.apply(softFew, 0.5);
        Confidence.SOFTMAX.apply(softMany, 0.5);
        assertTrue(softMany.get("A") < softFew.get("A") - 0.2, "the softmax's scale moves with the units: "
                + softFew.get("A") + " " + softMany.get("A"));
    }

    @Test
    void aTieBetweenTheFirstTwoIsEvenAndOneUnitAloneIsSure() {
        Map<String, Double> tie = new HashMap<>(Map.of("A", 0.3, "B", 0.3, "C", -1.0));
        Map<String, Double> alone = new HashMap<>(Map.of("A", -0.3));

        Confidence.RUNNER_UP.apply(tie, 0.5);
        Confidence.RUNNER_UP.apply(alone, 0.5);

        assertEquals(0.5, tie.get("A"), 1e-12);
        assertEquals(0.5, tie.get("B"), 1e-12);
        assertEquals(1.0, alone.get("A"), 1e-12);
    }

    @Test
    void theChosenRoutersConfidenceIsTheLeadOverTheRunnerUp() {
        RouterModel model = RouterTrainer.chosen(CLOCK).train(Tickets.history(10, 11));
        TicketText t = TicketText.of("公交站台旁边的红绿灯坏了，小区居民反映");

        List<Double> margins = model.scores(t).values().stream().sorted((a, b) -> Double.compare(b, a)).toList();
        List<Suggestion> s = model.suggest(t);

        assertEquals(Confidence.RUNNER_UP, model.about().confidence());
        assertEquals(1 / (1 + Math.exp(-(margins.get(0) - margins.get(1)) / model.about().temperature())),
                s.get(0).confidence(), 1e-12);
        assertTrue(s.get(1).confidence() < 0.5 && s.get(2).confidence() <= s.get(1).confidence(), s.toString());
        assertEquals(s, RouterModel.fromBytes(model.toBytes()).suggest(t), "the confidence travels with the model");
    }

    @Test
    void aModelStoredBeforeTheConfidenceWasNamedKeepsItsSoftmax() throws IOException {
        RouterModel model = RouterTrainer.chosen(CLOCK).with(Tuning.CHOSEN.withConfidence(Confidence.SOFTMAX)
                .withTemperature(0.25)).train(Tickets.history(10, 12));
        TicketText t = TicketText.of("孩子开学报名，学校收费不合理");

        RouterModel old = RouterModel.fromBytes(withoutConfidence(model.toBytes()));

        assertEquals(Confidence.SOFTMAX, old.about().confidence());
        assertEquals(model.suggest(t), old.suggest(t));
        double sum = old.suggest(t).stream().mapToDouble(Suggestion::confidence).sum();
        assertEquals(1.0, sum, 1e-9, "three units: the softmax's confidences add up to one");
    }

    /** The stored bytes as a model stored before this change: its header has no "confidence". */
    private static byte[] withoutConfidence(byte[] stored) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(
                new ByteArrayInputStream(stored, 4, stored.length - 4)));
        int format = in.readInt();
        String header = new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = in.readNBytes(in.readInt());
        String older = header.replaceAll(",\"confidence\":\"[A-Z_]+\"", "");
        assertTrue(!older.equals(header) && !older.contains("confidence"), older);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(stored, 0, 4);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(format);
            byte[] h = older.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(h.length);
            out.write(h);
            out.writeInt(body.length);
            out.write(body);
        }
        return bytes.toByteArray();
    }
}
