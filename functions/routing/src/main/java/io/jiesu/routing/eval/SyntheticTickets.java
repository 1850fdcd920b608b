package io.jiesu.routing.eval;

import io.jiesu.routing.Lesson;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.TicketText;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up tickets at a real centre's scale, for timing and size only (their accuracy means nothing): each unit has
 * its own words, every ticket mixes a few of them into common filler, and carries a category, a district and a
 * channel, as intake records them. Characters come from the CJK block so the n-gram vocabulary grows as with
 * real Chinese.
 */
final class SyntheticTickets {
    private SyntheticTickets() {
    }

    static List<RoutingExample> generate(int count, int units, long seed) {
        Random random = new Random(seed);
        List<List<String>> unitWords = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            unitWords.add(words(random, 40));
        }
        List<String> common = words(random, 600);
        List<RoutingExample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int u = random.nextInt(units);
            // a subject line of a few of the unit's words, as an export of 工单标题 and 工单内容 gives it
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                text.append(unitWords.get(u).get(random.nextInt(unitWords.get(u).size())));
            }
            text.append('\n');
            int length = 20 + random.nextInt(60);
            for (int w = 0; w < length; w++) {
                List<String> from = random.nextInt(4) == 0 ? unitWords.get(u) : common;
                text.append(from.get(random.nextInt(from.size())));
                if (random.nextInt(8) == 0) {
                    text.append('，');
                }
            }
            TicketText ticket = new TicketText(text.toString(), "类" + (u % 15), "区" + random.nextInt(16),
                    random.nextBoolean() ? "phone" : "web");
            out.add(RoutingExample.of(ticket, "unit-" + u, Lesson.HAND_KEPT));
        }
        return out;
    }

    private static List<String> words(Random random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 2 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int c = 0; c < len; c++) {
                // the 3,500 most common characters sit roughly in this part of the block
                w.appendCodePoint(0x4E00 + random.nextInt(3500));
            }
            words.add(w.toString());
        }
        return words;
    }
}
