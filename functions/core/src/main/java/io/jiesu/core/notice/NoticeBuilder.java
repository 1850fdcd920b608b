package io.jiesu.core.notice;

import java.time.Instant;
import java.util.List;

/** The next notice while a rule shapes it: each rule names only the fields it changes. */
final class NoticeBuilder {
    String id; long version; NoticeKind kind; String title; String text; List<NoticeArea> areas; List<String> keywords;
    Instant from, to; String unit; NoticeStatus status; Instant createdAt; String createdBy;
    Instant publishedAt; String publishedBy; Instant withdrawnAt; String withdrawnBy; String withdrawReason;

    NoticeBuilder() {
    }

    NoticeBuilder(Notice n) {
        id = n.id(); version = n.version(); kind = n.kind(); title = n.title(); text = n.text(); areas = n.areas();
        keywords = n.keywords(); from = n.from(); to = n.to(); unit = n.unit(); status = n.status();
        createdAt = n.createdAt(); createdBy = n.createdBy(); publishedAt = n.publishedAt(); publishedBy = n.publishedBy();
        withdrawnAt = n.withdrawnAt(); withdrawnBy = n.withdrawnBy(); withdrawReason = n.withdrawReason();
    }

    NoticeBuilder says(NoticeDraft d) {
        kind = d.kind(); title = d.title(); text = d.text(); areas = d.areas(); keywords = d.keywords();
        from = d.from(); to = d.to();
        return this;
    }

    /** The notice as changed, one version on. */
    Notice next() {
        version++;
        return new Notice(id, version, kind, title, text, areas, keywords, from, to, unit, status, createdAt, createdBy,
                publishedAt, publishedBy, withdrawnAt, withdrawnBy, withdrawReason);
    }
}
