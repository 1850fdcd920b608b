package io.jiesu.knowledge;

import io.jiesu.core.knowledge.AnswerHit;
import io.jiesu.core.knowledge.AnswerQuery;
import io.jiesu.core.knowledge.SearchableArticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jiesu.knowledge.Articles.NOW;
import static io.jiesu.knowledge.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuceneAnswerIndexTest {
    private final LuceneAnswerIndex index = new LuceneAnswerIndex();

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> ids(String words) {
        return ids(index, words, NOW);
    }

    private static List<String> ids(LuceneAnswerIndex index, String words, Instant at) {
        return index.find(new AnswerQuery(words, Optional.empty(), 5, at)).stream().map(AnswerHit::articleId).toList();
    }

    @Test
    void aWordInsideAnotherWordDoesNotMatchIt() {
        // 停车场 (car park) is one word; the 车场 inside it is not the caller's 车场 (a driving school's practice yard),
        // though a substring search would say so
        index.put(article("parking", "小区停车场收费标准是多少", "小区停车场收费按物价部门核定的标准执行。"));
        index.put(article("yard", "驾校练车场地怎么预约", "通过驾校的公众号预约练车时段。"));

        assertEquals(List.of("yard"), ids("车场"));
        assertEquals("parking", ids("停车场怎么收费").get(0));
    }

    @Test
    void theCitysSynonymsFindAnArticleWrittenInOtherWords() {
        index.put(article("heating", "冬季集中供暖从什么时候开始", "本市供暖期为每年11月15日至次年3月15日。"));
        index.put(article("gas", "天然气开户需要带什么材料", "携带房产证明和身份证到燃气公司营业厅办理。"));

        // the caller's only word that matters is not in the article: the synonyms alone find it
        assertEquals(List.of("heating"), ids("家里暖气"));
        assertEquals(List.of("gas"), ids("燃气"));
        assertEquals(List.of("gas"), ids("煤气"));
    }

    @Test
    void synonymsAreEditedWithoutReindexing() {
        try (LuceneAnswerIndex plain = new LuceneAnswerIndex(Synonyms.none())) {
            plain.put(article("heating", "冬季集中供暖从什么时候开始", "本市供暖期为每年11月15日至次年3月15日。"));
            assertEquals(List.of(), ids(plain, "家里暖气", NOW));

            plain.synonyms(Synonyms.parse("暖气,供暖"));

            assertEquals(List.of("heating"), ids(plain, "家里暖气", NOW));
        }
    }

    @Test
    void anArticleAnswersOnlyInsideItsValidity() {
        Instant from = NOW.minus(Duration.ofDays(10));
        Instant to = NOW.plus(Duration.ofDays(10));
        index.put(Articles.valid(article("subsidy", "冬季取暖补贴怎么申请", "向社区提交申请表。"), from, to));

        assertEquals(List.of(), ids(index, "取暖补贴申请", from.minusSeconds(1)));
        assertEquals(List.of("subsidy"), ids(index, "取暖补贴申请", from));
        assertEquals(List.of("subsidy"), ids(index, "取暖补贴申请", to.minusMillis(1)));
        assertEquals(List.of(), ids(index, "取暖补贴申请", to));
    }

    @Test
    void aValidAnswerIsFoundBehindManyExpiredOnesThatMatchBetter() {
        Instant past = NOW.minus(Duration.ofDays(1));
        List<SearchableArticle> expired = new ArrayList<>();
        for (int i = 0; i < 3 * LuceneAnswerIndex.MIN_CANDIDATES; i++) {
            expired.add(Articles.valid(article("old-" + i, "独生子女父母奖励费怎么领取", "按月领取奖励费。"),
                    NOW.minus(Duration.ofDays(900)), past));
        }
        expired.add(article("current", "独生子女奖励", "政策已调整，请咨询社区。"));
        index.putAll(expired);

        assertEquals(List.of("current"), ids("独生子女父母奖励费怎么领取"));
    }

    @Test
    void aNewVersionReplacesTheOld() {
        SearchableArticle first = article("fund", "住房公积金提取需要哪些材料", "身份证和购房合同。");
        index.put(first);
        index.put(Articles.version(first, 2, "住房公积金贷款额度怎么计算"));

        assertEquals(1, index.size());
        assertEquals(List.of(), ids("提取材料"));
        AnswerHit hit = index.find(new AnswerQuery("公积金贷款额度", Optional.empty(), 5, NOW)).get(0);
        assertEquals("fund", hit.articleId());
        assertEquals(2, hit.version());
        assertEquals("住房公积金贷款额度怎么计算", hit.question());
    }

    @Test
    void ofEquallyRelevantAnswersTheOneThatHelpsComesFirst() {
        String question = "社保卡丢了怎么补办";
        String answer = "携带身份证到社保卡服务网点挂失补办。";
        index.put(Articles.marked(article("fails", question, answer), 0, 12));
        index.put(article("new", question, answer));
        index.put(Articles.marked(article("helps", question, answer), 30, 1));
        assertEquals(List.of("helps", "new", "fails"), ids("社保卡丢了"));

        index.put(Articles.marked(article("fails", question, answer), 40, 0));
        index.put(Articles.marked(article("helps", question, answer), 1, 30));
        assertEquals(List.of("fails", "new", "helps"), ids("社保卡丢了"));
    }

    @Test
    void aFewEarlyMarksMoveANewArticleLittle() {
        assertEquals(1.0, Usefulness.helpfulness(0, 0), 1e-9);
        assertTrue(Usefulness.helpfulness(0, 1) > 0.9, "one bad mark is not a verdict");
        assertTrue(Usefulness.helpfulness(100, 0) <= 1 + Usefulness.HELPFULNESS_SPREAD);
        assertTrue(Usefulness.helpfulness(0, 100) >= 1 - Usefulness.HELPFULNESS_SPREAD);
    }

    @Test
    void ofEquallyRelevantAnswersTheRecentlyReviewedComesFirst() {
        String question = "居住证办理需要什么条件";
        index.put(Articles.reviewed(article("old", question, "连续居住半年以上。"), NOW.minus(Duration.ofDays(3 * 365))));
        index.put(article("fresh", question, "连续居住半年以上。"));

        assertEquals(List.of("fresh", "old"), ids("居住证怎么办理"));
    }

    @Test
    void helpfulnessDoesNotLiftAnAnswerToAnotherQuestionOverTheRightOne() {
        index.put(Articles.marked(article("tax", "个人所得税专项附加扣除怎么填报", "在个人所得税App中填报。"), 0, 50));
        index.put(Articles.marked(article("card", "社保卡怎么申领", "到银行网点申领，也可以在个人所得税App查询参保。"),
                500, 0));

        assertEquals("tax", ids("个税专项附加扣除填报").get(0));
    }

    @Test
    void variantsAreSearchedToo() {
        index.put(Articles.withVariants(article("newborn", "新生儿如何办理户口登记", "出生一个月内到派出所申报。"),
                "孩子刚生下来去哪儿报户口"));

        assertEquals(List.of("newborn"), ids("孩子生下来去哪报"));
    }

    @Test
    void aCategoryNarrowsTheAnswers() {
        index.put(Articles.inCategory(article("water", "停水通知在哪里看", "关注自来水公司公众号。"), "water"));
        index.put(Articles.inCategory(article("power", "停电通知在哪里看", "关注供电公司公众号。"), "power"));

        List<String> inWater = index.find(new AnswerQuery("通知在哪里看", Optional.of("water"), 5, NOW)).stream()
                .map(AnswerHit::articleId).toList();
        assertEquals(List.of("water"), inWater);
        assertEquals(2, ids("通知在哪里看").size());
    }

    @Test
    void aRemovedArticleNoLongerAnswers() {
        index.put(article("licence", "营业执照怎么办理", "登录企业开办一网通办平台申请。"));
        index.remove("licence");
        index.remove("never-there");

        assertEquals(List.of(), ids("营业执照办理"));
        assertEquals(0, index.size());
    }

    @Test
    void theLimitAndFillerWordsAreRespected() {
        for (int i = 0; i < 8; i++) {
            index.put(article("a" + i, "驾驶证到期换证第" + i + "问", "到车管所换证。"));
        }
        assertEquals(3, index.find(new AnswerQuery("驾驶证换证", Optional.empty(), 3, NOW)).size());
        assertEquals(List.of(), ids("请问，你好，一下？"));
    }

    @Test
    void findsRunWhileArticlesArePutAndSeeEveryFinishedPut() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String id = "w" + writer + "-" + i;
                        String word = letters(writer * 1000 + i); // one segment of its own, found in this article only
                        index.put(article(id, "医保异地就医备案" + word, "在国家医保服务平台App备案。"));
                        // a finished put is visible to the next find, even while others are writing
                        assertEquals(List.of(id), index.find(new AnswerQuery(word, Optional.empty(), 5, NOW)).stream()
                                .map(AnswerHit::articleId).toList());
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        index.find(new AnswerQuery("异地就医备案", Optional.empty(), 5, NOW));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(120, index.size());
    }

    private static String letters(int n) {
        StringBuilder word = new StringBuilder("x");
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return word.toString();
    }

    @Test
    void putAllLoadsManyArticlesAtOnce() {
        List<SearchableArticle> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(article("bulk-" + i, "失业保险金申领第" + i + "条", "在人社部门网站申领。"));
        }
        many.add(article("bulk-7", "失业保险金领取期限多长", "最长24个月。"));
        index.putAll(many);

        assertEquals(1000, index.size());
        assertEquals("bulk-7", ids("失业金领取期限").get(0));
    }
}
