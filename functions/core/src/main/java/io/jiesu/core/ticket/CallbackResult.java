package io.jiesu.core.ticket;

/**
 * What the centre recorded at callback. demandReasonable matters only when unsatisfied: a reasonable
 * demand (or a unit that did not do what it should) reopens the ticket; otherwise it is explained and closed.
 */
public record CallbackResult(Satisfaction satisfaction, boolean solved, Boolean demandReasonable, String note) {
    public boolean reopens() {
        return satisfaction == Satisfaction.UNSATISFIED && Boolean.TRUE.equals(demandReasonable);
    }
}
