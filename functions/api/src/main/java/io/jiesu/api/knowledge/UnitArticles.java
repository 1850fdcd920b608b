package io.jiesu.api.knowledge;

import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.Articles;

import java.util.ArrayList;
import java.util.List;

/** Every article of one unit, page by page from its index (a unit holds hundreds, not the city's hundred thousand). */
final class UnitArticles {
    private UnitArticles() {
    }

    static List<Article> read(Articles articles, String unit) {
        List<Article> all = new ArrayList<>();
        String cursor = null;
        do {
            Articles.Page page = articles.byUnit(unit, null, cursor, 200);
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return all;
    }
}
