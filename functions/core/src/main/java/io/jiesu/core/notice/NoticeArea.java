package io.jiesu.core.notice;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * One area a notice covers: a street (the id of a street office in the catalogue, with its name as published), a
 * community (社区) by name, or a place in free text (a road, a compound, 和平里北街 3-7 号楼). The narrowest part
 * given decides; a street given beside a community or place only rules out callers known to be in another street.
 */
public record NoticeArea(String street, String streetName, String community, String place) {
    /** Words that end the official names but that callers leave out: 和平里街道办事处 is 和平里 to them. */
    private static final List<String> SUFFIXES = List.of("街道办事处", "街道办", "办事处", "街道", "地区",
            "社区居民委员会", "社区居委会", "居民委员会", "居委会", "社区");

    public NoticeArea {
        street = blankToNull(street);
        streetName = blankToNull(streetName);
        community = blankToNull(community);
        place = blankToNull(place);
    }

    public static NoticeArea street(String id, String name) {
        return new NoticeArea(id, name, null, null);
    }

    public static NoticeArea community(String name) {
        return new NoticeArea(null, null, name, null);
    }

    public static NoticeArea place(String text) {
        return new NoticeArea(null, null, null, text);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return street == null && community == null && place == null;
    }

    /** How narrow the area is: a place (3) is narrower than a community (2), a community than a street (1). */
    public int narrowness() {
        return place != null ? 3 : community != null ? 2 : street != null ? 1 : 0;
    }

    /** Whether a caller at this place is inside the area. */
    public boolean covers(CallerPlace caller) {
        if (street != null && caller.street() != null && !street.equals(caller.street())) {
            return false; // the caller is known to be in another street
        }
        if (place != null) {
            return caller.mentions(place);
        }
        if (community != null) {
            return caller.mentions(stem(community))
                    || (caller.community() != null && stem(caller.community()).equals(stem(community)));
        }
        if (street != null) {
            return street.equals(caller.street()) || (streetName != null && caller.mentions(stem(streetName)));
        }
        return false;
    }

    /** The name as callers say it; a name that would shrink to one character stays whole, so it matches little by chance. */
    static String stem(String name) {
        String n = CallerPlace.normal(name);
        for (String suffix : SUFFIXES) {
            if (n.endsWith(suffix) && n.length() - suffix.length() >= 2) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
