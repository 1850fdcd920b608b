package io.jiesu.core.knowledge;

import io.jiesu.core.ticket.Actor;

import java.time.Instant;

/**
 * One version of an article: its content (never changed once written: an update is a new version) and where it
 * stands. {@code note} is the centre's reason when it sent the version back to draft, or why it expired.
 */
public record ArticleVersion(int number, ArticleContent content, ArticleStatus status, Actor author,
                             Instant writtenAt, String note) {

    ArticleVersion withStatus(ArticleStatus next, String why) {
        return new ArticleVersion(number, content, next, author, writtenAt, why);
    }
}
