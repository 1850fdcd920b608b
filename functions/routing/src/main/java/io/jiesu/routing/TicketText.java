package io.jiesu.routing;

/**
 * What the router reads of a ticket: the citizen's words and what intake recorded beside them. Every field but
 * the text may be missing; a missing field simply gives no feature.
 */
public record TicketText(String text, String category, String location, String channel) {
    public TicketText {
        text = text == null ? "" : text;
    }

    public static TicketText of(String text) {
        return new TicketText(text, null, null, null);
    }
}
