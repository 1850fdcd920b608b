package io.jiesu.api.validation;

/**
 * A request field that breaks a limit, found outside Bean Validation (a path or query parameter checked before
 * the resource runs, a catalogue field): answered like a constraint violation, 400 with the field named.
 */
public class BadInput extends RuntimeException {
    private final String field;

    public BadInput(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field as the client names it: a path or query parameter, a header, or a body path like units[2].id. */
    public String field() {
        return field;
    }
}
