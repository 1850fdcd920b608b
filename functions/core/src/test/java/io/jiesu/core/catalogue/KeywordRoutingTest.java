package io.jiesu.core.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With no matter named, the citizen's own words decide: the matter whose keywords they hit most. */
class KeywordRoutingTest {

    private final RoutingCatalogue demo = RoutingCatalogue.demo();

    @Test
    void aRadiatorThatIsNotWarmGoesToTheHeatingCompanyWithTheHousingBureau() {
        assertEquals(Optional.of(new Route("heating-not-warm", "heating-company", List.of("housing-bureau"))),
                demo.route(null, "暖气不热", List.of()));
    }

    @Test
    void theMatterWithTheMostKeywordHitsWins() {
        // heating: 暖气 (1); construction noise: 施工, 噪音, 扰民 (3)
        Route r = demo.route(null, "楼下工地夜间施工噪音扰民，吵得暖气房里都睡不着", List.of()).orElseThrow();

        assertEquals("construction-noise", r.matterCode());
        assertEquals("urban-management", r.leadUnit());
    }

    @Test
    void moreHitsWinEvenForAMatterLaterInTheCatalogue() {
        // construction noise (3rd line): 噪音 (1); illegal parking (6th line): 占道, 停车 (2)
        assertEquals("illegal-parking",
                demo.route(null, "小区门口占道停车，还有噪音", List.of()).orElseThrow().matterCode());
    }

    @Test
    void onATieTheEarlierLineOfTheCatalogueWins() {
        // one hit each: 占道 (illegal parking, 6th line) and 噪音 (construction noise, 3rd line)
        assertEquals("construction-noise",
                demo.route(null, "门口有人占道，晚上还有噪音", List.of()).orElseThrow().matterCode());
    }

    @Test
    void keywordsMatchWhateverTheCaseOfTheText() {
        assertEquals("heating-not-warm", demo.route(null, "The HEATING is off", List.of()).orElseThrow().matterCode());
    }

    @Test
    void aTextThatHitsNoKeywordRoutesNowhere() {
        assertEquals(Optional.empty(), demo.route(null, "请问社保卡丢了去哪里补办", List.of()));
    }

    @Test
    void noTextAndNoMatterRoutesNowhere() {
        assertEquals(Optional.empty(), demo.route(null, null, List.of()));
        assertEquals(Optional.empty(), demo.route(null, "", List.of()));
    }
}
