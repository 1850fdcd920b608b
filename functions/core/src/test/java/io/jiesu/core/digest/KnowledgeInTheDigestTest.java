package io.jiesu.core.digest;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleContent;
import io.jiesu.core.knowledge.KnowledgePolicy;
import io.jiesu.core.knowledge.PolicyBasis;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The unit head's daily digest lists the unit's articles to look at: stale, soon expiring, often failing. */
class KnowledgeInTheDigestTest {
    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");
    private static final KnowledgePolicy POLICY = new KnowledgePolicy(Duration.ofDays(180), Duration.ofDays(14), 0.5, 2);
    private static final RoutingCatalogue CATALOGUE = new RoutingCatalogue(List.of(new HandlingUnit("heating-company", "区热力集团")),
            List.of(new Matter("heating", "供暖", "民生", "heating-company", List.of(), List.of())));

    private static Article published(String id, Instant validTo) {
        Actor unit = new Actor("u", Role.UNIT, "heating-company");
        ArticleContent c = new ArticleContent("供暖季从哪天开始？", List.of(), "11月15日", null,
                new PolicyBasis("北京市供热采暖管理办法", null), List.of("heating"), List.of(), AT, validTo, true);
        return Article.draft(id, c, unit, AT, CATALOGUE).submitForReview(unit, AT)
                .publish(new Actor("d", Role.DISPATCHER, null), AT);
    }

    @Test
    void eachArticleToLookAtIsFlaggedWithWhy() {
        Instant now = AT.plus(Duration.ofDays(181));
        assertEquals(List.of(ArticleFlag.Why.STALE), ArticleFlag.of(published("KB-1", null), POLICY, now).orElseThrow().why());
        assertEquals(List.of(ArticleFlag.Why.EXPIRING, ArticleFlag.Why.STALE),
                ArticleFlag.of(published("KB-2", now.plus(Duration.ofDays(3))), POLICY, now).orElseThrow().why());
        assertEquals(List.of(ArticleFlag.Why.EXPIRED), ArticleFlag.of(published("KB-3", AT.plus(Duration.ofDays(30))), POLICY,
                AT.plus(Duration.ofDays(31))).orElseThrow().why());
        assertEquals(List.of(ArticleFlag.Why.FAILING), ArticleFlag.of(published("KB-4", null).marked(false).marked(false),
                POLICY, AT).orElseThrow().why());
        assertTrue(ArticleFlag.of(published("KB-5", null), POLICY, AT.plus(Duration.ofDays(1))).isEmpty());
    }

    @Test
    void onlyTheUnitHeadsPartListsThem() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        Rates empty = Rates.of(Map.of());
        List<DigestKind.Period> trend = DigestKind.DAILY.trend(day);
        ArticleFlag flag = ArticleFlag.of(published("KB-1", null), POLICY, AT.plus(Duration.ofDays(200))).orElseThrow();
        Digest whole = new Digest(DigestKind.DAILY, day, DigestKind.DAILY.period(day), trend,
                List.of(new Digest.UnitPart("heating-company", "区热力集团", empty, trend.stream().map(p -> empty).toList(), null)),
                empty, trend.stream().map(p -> empty).toList(), List.of(), 5, null, List.of(flag));
        DigestMail mail = new DigestMail(ZoneId.of("Asia/Shanghai"));
        DigestMail.Content head = mail.render(whole.forUnit("heating-company"));
        assertTrue(head.text().contains("知识库待维护") && head.text().contains("KB-1") && head.text().contains("久未复核"), head.text());
        assertTrue(head.html().contains("KB-1"), head.html());
        assertFalse(mail.render(whole).text().contains("KB-1"), "supervisors get the rates, not every unit's articles");
        assertTrue(whole.forUnit("water-authority").articles().isEmpty());
    }
}
