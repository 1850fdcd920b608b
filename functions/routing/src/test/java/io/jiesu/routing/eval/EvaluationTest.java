package io.jiesu.routing.eval;

import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.TicketText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {
    @Test
    void foldsAreStratifiedAndRepeatable() {
        List<RoutingExample> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(RoutingExample.of(TicketText.of("a" + i), "A"));
            examples.add(RoutingExample.of(TicketText.of("b" + i), "B"));
        }
        int[] folds = CrossValidation.folds(examples, 5, 42);

        assertArrayEquals(folds, CrossValidation.folds(examples, 5, 42));
        for (int f = 0; f < 5; f++) {
            int fold = f;
            for (String unit : List.of("A", "B")) {
                long n = java.util.stream.IntStream.range(0, examples.size())
                        .filter(i -> folds[i] == fold && examples.get(i).unit().equals(unit)).count();
                assertEquals(2, n, "each fold holds two of each unit");
            }
        }
    }

    @Test
    void scoresAtThresholds() {
        Scores s = new Scores(List.of(new Outcome("A", "A", 0.9), new Outcome("A", "B", 0.6),
                new Outcome("B", "B", 0.8), new Outcome("B", null, 0)));

        assertEquals(0.5, s.accuracy());
        Scores.AtThreshold at = s.at(0.7);
        assertEquals(0.5, at.coverage());
        assertEquals(1.0, at.precision());
        assertEquals(0.0, at.misrouted());
        assertEquals(0.25, s.at(0.5).misrouted());
        assertEquals(0.61, s.lowestWithPrecision(0.95).threshold(), 1e-9);
    }

    @Test
    void theKeywordCatalogueGrowsFromTheClassificationTree() {
        RoutingCatalogue c = KeywordBaseline.fromTaxonomy("""
                [{"level1":"城乡建设","level2":"城市建设和市政管理","level3":"园林绿化"},
                 {"level1":"交通运输","level2":"公路与水路","level3":"其他"}]""".getBytes(StandardCharsets.UTF_8));

        assertEquals(2, c.units().size());
        assertEquals("城乡建设", c.route(null, "小区园林绿化没人管", Set.of()).orElseThrow().leadUnit());
        assertEquals("交通运输", c.route(null, "公路坑洼", Set.of()).orElseThrow().leadUnit());
        assertTrue(c.route(null, "其他问题", Set.of()).isEmpty(), "the catch-all is no keyword");
    }

    @Test
    void theCommandPrintsTheFiguresAndTheBaseline(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("text,unit\n");
        String[][] words = {{"占道经营", "噪音扰民", "违章搭建"}, {"公交线路", "红绿灯", "停车收费"}};
        for (int i = 0; i < 20; i++) {
            csv.append("居民反映").append(words[0][i % 3]).append(i).append(",城乡建设\n");
            csv.append("市民反映").append(words[1][i % 3]).append(i).append(",交通运输\n");
        }
        Path file = Files.writeString(dir.resolve("tickets.csv"), csv);
        Path tree = Files.writeString(dir.resolve("taxonomy.json"), """
                [{"level1":"城乡建设","level2":"城管执法","level3":"占道经营"},
                 {"level1":"交通运输","level2":"公共交通","level3":"公交线路"}]""");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new EvaluateRouter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[]{
                "--file", file.toString(), "--taxonomy", tree.toString(), "--folds", "4"});

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("40 labelled messages, 2 units, 4-fold"), out);
        assertTrue(out.contains("accuracy 1.000"), out);
        assertTrue(out.contains("| 0.50 |"), out);
        assertTrue(out.contains("Keyword catalogue (2 matters"), out);
        assertTrue(out.contains("| 城乡建设 | 20 | 0 |") || out.contains("| 城乡建设 | 0 | 20 |"), out);
    }
}
