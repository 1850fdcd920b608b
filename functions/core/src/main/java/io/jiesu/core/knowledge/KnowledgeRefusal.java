package io.jiesu.core.knowledge;

/**
 * A step on an article the knowledge base's rules do not allow. The reason tells the edge how to answer, like
 * {@link io.jiesu.core.ticket.TicketRefusal}: a wrong status is a conflict with the article as it is; an invalid
 * request names the field to fix; a caller who is not the owning unit, or not the hotline centre, is forbidden.
 */
public class KnowledgeRefusal extends RuntimeException {
    public enum Reason { WRONG_STATUS, INVALID, NOT_OWNER, NOT_CENTRE }

    private final Reason reason;
    private final String field;

    private KnowledgeRefusal(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static KnowledgeRefusal invalid(String field, String message) {
        return new KnowledgeRefusal(Reason.INVALID, field, message);
    }

    public static KnowledgeRefusal wrongStatus(String step, ArticleStatus current, ArticleStatus... allowed) {
        return new KnowledgeRefusal(Reason.WRONG_STATUS, null, "cannot " + step + " an article that is "
                + current.code() + "; allowed from " + java.util.Arrays.stream(allowed).map(ArticleStatus::code).toList());
    }

    /** A unit drafts and updates only the articles of the matters it leads (the catalogue says which). */
    public static KnowledgeRefusal notOwner(String message) {
        return new KnowledgeRefusal(Reason.NOT_OWNER, null, message);
    }

    /** Review and publication are the hotline centre's. */
    public static KnowledgeRefusal notCentre(String message) {
        return new KnowledgeRefusal(Reason.NOT_CENTRE, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
