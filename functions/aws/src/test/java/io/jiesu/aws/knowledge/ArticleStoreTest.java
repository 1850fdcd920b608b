package io.jiesu.aws.knowledge;

import io.jiesu.aws.Emulators;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleContent;
import io.jiesu.core.knowledge.ArticleStatus;
import io.jiesu.core.knowledge.Articles;
import io.jiesu.core.knowledge.PolicyBasis;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Articles in the single table, against DynamoDB Local: versions kept, lists from indexes, races lost, marks counted. */
class ArticleStoreTest {
    private static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");
    private static final RoutingCatalogue CATALOGUE = new RoutingCatalogue(
            List.of(new HandlingUnit("heating-company", "热力公司"), new HandlingUnit("water-company", "自来水公司")),
            List.of(new Matter("heating", "供暖", "民生", "heating-company", List.of(), List.of()),
                    new Matter("water", "供水", "民生", "water-company", List.of(), List.of())));
    private static final Actor HEATING = new Actor("u-1", Role.UNIT, "heating-company");
    private static final Actor WATER = new Actor("u-3", Role.UNIT, "water-company");
    private static final Actor CENTRE = new Actor("d-1", Role.DISPATCHER, null);

    private final ArticleStore store = new ArticleStore(Emulators.dynamo(), Emulators.newTable());

    private static ArticleContent content(String matter, String answer) {
        return new ArticleContent("供暖季从哪天开始？", List.of("什么时候来暖气"), answer, "内部提示",
                new PolicyBasis("北京市供热采暖管理办法", "第216号"), List.of(matter), List.of("供暖"),
                AT.minus(Duration.ofDays(1)), null, true);
    }

    private Article drafted(String id, Actor unit, String matter, Instant at) {
        Article a = Article.draft(id, content(matter, "11月15日"), unit, at, CATALOGUE);
        store.create(a);
        return a;
    }

    private Article step(Article before, Article after) {
        store.save(before, after);
        return after;
    }

    private Article published(String id, Instant at) {
        Article a = drafted(id, HEATING, "heating", at);
        a = step(a, a.submitForReview(HEATING, at.plusSeconds(1)));
        return step(a, a.publish(CENTRE, at.plusSeconds(2)));
    }

    @Test
    void everyVersionIsKeptAndReadBackWhileThePublishedOneStillAnswers() {
        Article p = published("KB-1", AT);
        Article revised = step(p, p.revise(content("heating", "11月15日，寒潮提前"), HEATING, AT.plusSeconds(10), CATALOGUE));

        Article read = store.find("KB-1").orElseThrow();
        assertEquals(revised, read);
        assertEquals(2, read.versions().size());
        assertEquals(ArticleStatus.DRAFT, read.status());
        assertEquals(1, read.published().orElseThrow().number());
        assertEquals("内部提示", read.latest().content().internalNote());
        assertEquals(List.of("KB-1"), store.answering().stream().map(Article::id).toList(), "still answering");
        assertTrue(store.find("KB-none").isEmpty());
    }

    @Test
    void aStepComputedFromAnOlderRevisionLosesTheRace() {
        Article a = drafted("KB-1", HEATING, "heating", AT);
        store.save(a, a.submitForReview(HEATING, AT.plusSeconds(1)));
        Article stale = a.revise(content("heating", "另一个"), HEATING, AT.plusSeconds(2), CATALOGUE);
        assertThrows(Articles.ConcurrentArticleChange.class, () -> store.save(a, stale));
        assertThrows(Articles.ConcurrentArticleChange.class, () -> store.create(a), "one id, one article");
    }

    @Test
    void listsComeByUnitAndStatusNewestFirstPageByPage() {
        for (int i = 0; i < 5; i++) {
            drafted("KB-H" + i, HEATING, "heating", AT.plusSeconds(i));
        }
        drafted("KB-W", WATER, "water", AT);
        Article sent = drafted("KB-R", HEATING, "heating", AT.plusSeconds(9));
        step(sent, sent.submitForReview(HEATING, AT.plusSeconds(10)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Articles.Page page = store.byUnit("heating-company", ArticleStatus.DRAFT, cursor, 2);
            page.items().forEach(x -> seen.add(x.id()));
            cursor = page.next();
        } while (cursor != null);
        assertEquals(List.of("KB-H4", "KB-H3", "KB-H2", "KB-H1", "KB-H0"), seen);
        assertEquals(6, store.byUnit("heating-company", null, null, 50).items().size());
        assertEquals(List.of("KB-R"), store.byStatus(ArticleStatus.IN_REVIEW, null, 50).items().stream().map(Article::id).toList());
        assertThrows(Articles.BadCursor.class, () -> store.byUnit("heating-company", null, "bm90LWEtY3Vyc29y", 2));
    }

    @Test
    void theSearchIsBuiltFromAnsweringArticlesAndCatchesUpOnChangesAndRetirements() {
        Article one = published("KB-1", AT);
        published("KB-2", AT);
        drafted("KB-3", HEATING, "heating", AT);
        assertEquals(2, store.answering().size(), "a draft never published answers no one");

        Instant since = AT.plusSeconds(60);
        step(one, one.withdraw("政策调整", HEATING, AT.plusSeconds(120)));
        assertEquals(1, store.answering().size());
        List<Article> changed = store.changedSince(since);
        assertEquals(List.of("KB-1"), changed.stream().map(Article::id).toList());
        assertTrue(changed.get(0).searchable().isEmpty(), "retired: the search removes it");

        Article marked = store.mark("KB-2", false, AT.plusSeconds(180)).orElseThrow();
        assertEquals(1, marked.unhelpful());
        assertEquals(List.of("KB-2", "KB-1"), store.changedSince(since).stream().map(Article::id).toList(),
                "a mark is a change the search catches up on");
        assertTrue(store.mark("KB-1", true, AT.plusSeconds(200)).isEmpty(), "a withdrawn answer is not marked");
        assertTrue(store.mark("KB-3", true, AT.plusSeconds(200)).isEmpty(), "nor a draft");
    }

    @Test
    void editingLeavesTheMarksAlone() {
        Article p = published("KB-1", AT);
        store.mark("KB-1", true, AT.plusSeconds(5));
        store.mark("KB-1", true, AT.plusSeconds(6));
        step(p, p.revise(content("heating", "新"), HEATING, AT.plusSeconds(10), CATALOGUE));
        assertEquals(2, store.find("KB-1").orElseThrow().helpful());
    }
}
