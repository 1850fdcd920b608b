package io.jiesu.core.notice;

import java.util.Locale;

/**
 * Where a caller is, as far as the desk knows it: the street (the id of a street office of the catalogue), the
 * community (社区) by name, and the caller's own words (the location and what they said). Any part may be missing.
 */
public record CallerPlace(String street, String community, String words) {
    public static final CallerPlace NOWHERE = new CallerPlace(null, null, null);

    public CallerPlace {
        street = blankToNull(street);
        community = blankToNull(community);
        words = words == null ? "" : normal(words);
    }

    /** A ticket's place as intake knows it: its location and its content are both the caller's words. */
    public static CallerPlace ofTicket(String location, String content) {
        return new CallerPlace(null, null, (location == null ? "" : location) + " " + (content == null ? "" : content));
    }

    /** Whether the caller's words or community name the given place. */
    boolean mentions(String place) {
        String p = normal(place);
        return !p.isEmpty() && (words.contains(p) || (community != null && normal(community).contains(p)));
    }

    /** Compared without spaces and case: 和平里 3号楼 is 和平里3号楼. */
    static String normal(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
