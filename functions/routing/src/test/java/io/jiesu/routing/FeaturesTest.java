package io.jiesu.routing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the router reads of a ticket's text: a subject line counts more than the body it heads. */
class FeaturesTest {
    private static final Features AS_IT_STANDS = new Features(3, false);

    private static double ratio(Map<String, Double> features, String a, String b) {
        return features.get(a) / features.get(b);
    }

    @Test
    void aSubjectLineCountsAsOftenAsTheFeatureSetSays() {
        TicketText message = TicketText.of("停水\n楼里今天没有水");
        // damped counts: a gram seen eight times weighs 1 + ln 8 against 1 for one seen once
        assertEquals(1 + Math.log(8), ratio(new Features(3, false, 8).of(message), "c:停", "c:楼"), 1e-9);
        assertEquals(1 + Math.log(4), ratio(new Features(3, false, 4).of(message), "c:停", "c:楼"), 1e-9);
        assertEquals(1.0, ratio(AS_IT_STANDS.of(message), "c:停", "c:楼"), 1e-9);
        assertEquals(8, Features.CHOSEN.headline());
    }

    @Test
    void aTextOfOneLineALineWithNothingAfterItOrAParagraphFirstIsReadAsItStands() {
        String paragraph = "尊敬的领导：我家住在幸福小区三号楼，从上周一开始楼里就一直停水，物业说是管道检修，可是一直没有人来修，"
                + "老人孩子生活非常不便";
        assertTrue(paragraph.length() > Features.LONGEST_SUBJECT);
        for (String text : new String[] {"停水，楼里今天没有水", "停水\n", "停水\n  \n", "\n楼里今天没有水", paragraph + "\n谢谢"}) {
            TicketText ticket = TicketText.of(text);
            assertEquals(AS_IT_STANDS.of(ticket), Features.CHOSEN.of(ticket), text);
        }
    }

    @Test
    void aModelsFeatureNameSaysHowItReadsSubjectsAndAnOlderModelReadsAsItWasTrained() {
        assertEquals("char1-3+headline8", Features.CHOSEN.name());
        assertEquals(Features.CHOSEN, Features.parse(Features.CHOSEN.name()));
        assertEquals(new Features(3, true, 4), Features.parse("words+char1-3+headline4"));
        assertEquals(new Features(3, false, 1), Features.parse("char1-3"), "stored before subjects were weighed");
        assertEquals("char1-2", new Features(2, false).name());
        assertThrows(IllegalArgumentException.class, () -> new Features(3, false, 0));
    }

    @Test
    void aSubjectGoesOnOneFirstLineAndNoSubjectLeavesTheBody() {
        assertEquals("小区 暖气不热\n三天了", Features.withSubject("  小区\n暖气不热 ", "三天了"));
        assertEquals("三天了", Features.withSubject(" ", "三天了"));
        assertEquals("三天了", Features.withSubject(null, "三天了"));
    }
}
