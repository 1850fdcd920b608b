package io.jiesu.api.search;

import io.jiesu.api.validation.BadInput;
import io.jiesu.aws.search.Cursor;

import java.util.function.Supplier;

/** What every paged list of the api shares: a cursor the lists did not hand out is the client's error, naming it. */
public final class Lists {
    /** The response header that carries the next page's cursor on the lists whose body is a bare array. */
    public static final String NEXT_CURSOR = "Next-Cursor";

    private Lists() {
    }

    public static <T> T read(Supplier<T> page) {
        try {
            return page.get();
        } catch (Cursor.BadCursorException e) {
            throw new BadInput("cursor", e.getMessage());
        }
    }
}
