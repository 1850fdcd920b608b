package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;

/** The checks the rules share; each refuses naming the field to fix. */
final class Checks {
    private Checks() {
    }

    /**
     * The hotline centre, as the permission table knows it elsewhere (extension decisions): its dispatchers, who
     * know which unit handles what, and its administrators.
     */
    static boolean centre(Actor actor) {
        return actor.role() == Role.DISPATCHER || actor.role() == Role.ADMIN;
    }

    static void content(ArticleContent c) {
        if (c == null) {
            throw Refusal.invalid("question", "an article needs a question and its answer");
        }
        text(c.question(), "question", "write the question as callers ask it");
        text(c.answer(), "answer", "write the answer");
        for (String v : c.variants()) {
            text(v, "variants", "a variant of the question needs words");
        }
        if (c.basis() == null) {
            throw Refusal.invalid("basisDocument", "name the policy the answer rests on");
        }
        text(c.basis().document(), "basisDocument", "name the policy document the answer rests on");
        if (c.matters().isEmpty()) {
            throw Refusal.invalid("matters", "name at least one catalogue matter the article answers for");
        }
        for (String k : c.categories()) {
            text(k, "categories", "a category needs a name");
        }
        if (c.validFrom() == null) {
            throw Refusal.invalid("validFrom", "say from when the answer is valid");
        }
        if (c.validTo() != null && !c.validTo().isAfter(c.validFrom())) {
            throw Refusal.invalid("validTo", "the validity must end after it starts");
        }
    }

    static void text(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, message);
        }
    }
}
