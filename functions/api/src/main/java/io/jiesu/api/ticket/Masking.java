package io.jiesu.api.ticket;

/** Masks personal data for roles that need not contact the citizen (e.g. 138****5678, 张**). */
final class Masking {
    private Masking() {
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
