package io.jiesu.routing;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedDispatchTest {
    private static final RoutingCatalogue CATALOGUE = new RoutingCatalogue(
            List.of(new HandlingUnit(Tickets.CITY, "城管"), new HandlingUnit(Tickets.TRANSPORT, "交通"),
                    new HandlingUnit(Tickets.EDUCATION, "教育")),
            List.of(new Matter("M-LAMP", "路灯", "市政", Tickets.TRANSPORT, List.of(), List.of("路灯"))));
    private static final RouterModel MODEL = RouterTrainer.chosen(
            Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC)).train(Tickets.history(12, 9));

    @Test
    void theMatterAChannelNamedStillDecidesFirst() {
        DispatchAdvice a = new LearnedDispatch(CATALOGUE, Optional.of(MODEL), 0.01)
                .advise("M-LAMP", TicketText.of("占道经营噪音扰民"), List.of());

        assertEquals(DispatchAdvice.Decider.CATALOGUE_MATTER, a.decider());
        assertEquals(Tickets.TRANSPORT, a.route().leadUnit());
    }

    @Test
    void aConfidentModelDispatchesAutomaticallyAndKeepsItsSuggestions() {
        DispatchAdvice a = new LearnedDispatch(CATALOGUE, Optional.of(MODEL), 0.01)
                .advise(null, TicketText.of("夜市摊贩占道经营，噪音扰民"), List.of());

        assertEquals(DispatchAdvice.Decider.ROUTER, a.decider());
        assertEquals(Tickets.CITY, a.route().leadUnit());
        assertEquals(3, a.suggestions().size());
        assertEquals(MODEL.version(), a.modelVersion());
    }

    @Test
    void belowTheThresholdTheTicketWaitsWithTheTopThree() {
        DispatchAdvice a = new LearnedDispatch(CATALOGUE, Optional.of(MODEL), 1.0)
                .advise(null, TicketText.of("夜市摊贩占道经营，噪音扰民"), List.of());

        assertEquals(DispatchAdvice.Decider.DISPATCHER, a.decider());
        assertFalse(a.automatic());
        assertNull(a.route());
        assertEquals(Tickets.CITY, a.suggestions().get(0).unit());
        assertEquals(3, a.suggestions().size());
    }

    @Test
    void aUnitThatReturnedTheTicketIsNeitherChosenNorSuggested() {
        DispatchAdvice a = new LearnedDispatch(CATALOGUE, Optional.of(MODEL), 0.01)
                .advise(null, TicketText.of("夜市摊贩占道经营，噪音扰民"), Set.of(Tickets.CITY));

        assertTrue(a.suggestions().stream().noneMatch(s -> s.unit().equals(Tickets.CITY)));
        assertFalse(Tickets.CITY.equals(a.route() == null ? null : a.route().leadUnit()));
    }

    @Test
    void aUnitTheCatalogueNoLongerListsIsNeverDispatchedTo() {
        RoutingCatalogue withoutCity = new RoutingCatalogue(
                List.of(new HandlingUnit(Tickets.TRANSPORT, "交通"), new HandlingUnit(Tickets.EDUCATION, "教育")),
                List.of());
        DispatchAdvice a = new LearnedDispatch(withoutCity, Optional.of(MODEL), 0.01)
                .advise(null, TicketText.of("夜市摊贩占道经营，噪音扰民"), List.of());

        assertTrue(a.suggestions().stream().noneMatch(s -> s.unit().equals(Tickets.CITY)));
    }

    @Test
    void withoutAModelTheKeywordsRouteAsBefore() {
        LearnedDispatch noModel = new LearnedDispatch(CATALOGUE, Optional.empty(), 0.5);

        assertEquals(DispatchAdvice.Decider.CATALOGUE_KEYWORDS,
                noModel.advise(null, TicketText.of("路灯不亮"), List.of()).decider());
        assertEquals(DispatchAdvice.Decider.DISPATCHER,
                noModel.advise(null, TicketText.of("学校收费"), List.of()).decider());
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LearnedDispatch(CATALOGUE, Optional.of(MODEL), 0));
        assertThrows(IllegalArgumentException.class, () -> new LearnedDispatch(CATALOGUE, Optional.of(MODEL), 1.5));
    }

    @Test
    void aModelGoesIntoItemSizedChunksAndComesBackWhole() {
        byte[] model = new byte[ModelChunks.CHUNK_BYTES * 2 + 17];
        new Random(1).nextBytes(model);
        List<byte[]> chunks = ModelChunks.split(model);

        assertEquals(3, chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.length <= 400 * 1024));
        assertArrayEquals(model, ModelChunks.join(chunks, ModelChunks.checksum(model)));
        assertThrows(IllegalStateException.class,
                () -> ModelChunks.join(chunks.subList(0, 2), ModelChunks.checksum(model)));
    }

    @Test
    void aModelDispatchesAloneOnlyFromTheThresholdItsTrainingMeasuredWhenThatIsAboveTheDeployments() {
        TicketText ticket = TicketText.of("夜市摊贩占道经营，噪音扰民");
        double confidence = MODEL.suggest(ticket).get(0).confidence();
        RouterModel measuredAbove = MODEL.withMeasured(new MeasuredThreshold(0.95, Math.nextUp(confidence), 0.96, 0.2, 36));
        RouterModel measuredAt = MODEL.withMeasured(new MeasuredThreshold(0.95, confidence, 0.96, 0.4, 36));
        RouterModel measuredLow = MODEL.withMeasured(new MeasuredThreshold(0.95, 0.01, 1.0, 1.0, 36));

        assertEquals(DispatchAdvice.Decider.DISPATCHER,
                new LearnedDispatch(CATALOGUE, Optional.of(measuredAbove), 0.01).advise(null, ticket, List.of()).decider());
        assertEquals(DispatchAdvice.Decider.ROUTER,
                new LearnedDispatch(CATALOGUE, Optional.of(measuredAt), 0.01).advise(null, ticket, List.of()).decider());
        // a measurement never lowers the deployment's own threshold
        assertEquals(DispatchAdvice.Decider.DISPATCHER,
                new LearnedDispatch(CATALOGUE, Optional.of(measuredLow), 1.0).advise(null, ticket, List.of()).decider());
    }

    @Test
    void aModelWhoseTrainingReachedNoThresholdOnlyProposes() {
        RouterModel unreached = MODEL.withMeasured(new MeasuredThreshold(0.95, null, null, 0, 36));

        DispatchAdvice a = new LearnedDispatch(CATALOGUE, Optional.of(unreached), 0.01)
                .advise(null, TicketText.of("夜市摊贩占道经营，噪音扰民"), List.of());

        assertEquals(DispatchAdvice.Decider.DISPATCHER, a.decider());
        assertEquals(Tickets.CITY, a.suggestions().get(0).unit(), "its suggestions are still shown");
    }
}
