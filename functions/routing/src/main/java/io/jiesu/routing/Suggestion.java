package io.jiesu.routing;

/** A unit the model proposes for a ticket, with its confidence (the model's probability, 0..1). */
public record Suggestion(String unit, double confidence) {
}
