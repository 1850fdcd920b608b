package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A catalogue of two units and their matters, their staff, the centre, and an article about heating. */
final class KnowledgeFixtures {
    static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");
    static final RoutingCatalogue CATALOGUE = new RoutingCatalogue(
            List.of(new HandlingUnit("heating-company", "热力公司"), new HandlingUnit("water-company", "自来水公司")),
            List.of(new Matter("heating", "供暖", "民生", "heating-company", List.of(), List.of("暖气")),
                    new Matter("water", "供水", "民生", "water-company", List.of(), List.of("停水"))));
    static final Actor HEATING = new Actor("u-1", Role.UNIT, "heating-company");
    static final Actor HEATING_HEAD = new Actor("u-2", Role.REVIEWER, "heating-company");
    static final Actor WATER = new Actor("u-3", Role.UNIT, "water-company");
    static final Actor DISPATCHER = new Actor("d-1", Role.DISPATCHER, null);
    static final Actor ADMIN = new Actor("a-1", Role.ADMIN, null);
    static final Actor AGENT = new Actor("g-1", Role.AGENT, null);
    static final Actor SUPERVISOR = new Actor("s-1", Role.SUPERVISOR, null);

    private KnowledgeFixtures() {
    }

    static ArticleContent heating(String answer) {
        return new ArticleContent("供暖季从哪天开始？", List.of("什么时候来暖气"), answer, null,
                new PolicyBasis("北京市供热采暖管理办法", "北京市人民政府令第216号"), List.of("heating"),
                List.of("供暖"), AT.minus(Duration.ofDays(1)), AT.plus(Duration.ofDays(150)), true);
    }

    static Article drafted() {
        return Article.draft("KB-1", heating("每年11月15日开始供暖。"), HEATING, AT, CATALOGUE);
    }

    static Article published() {
        return drafted().submitForReview(HEATING, AT.plusSeconds(60)).publish(DISPATCHER, AT.plusSeconds(120));
    }

    static Refusal refused(Executable step) {
        return assertThrows(Refusal.class, step);
    }
}
