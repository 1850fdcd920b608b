package io.jiesu.core.ticket;

/** The person who asked. Personal data: never logged, shown only to whoever must contact them. */
public record Citizen(String name, String phone) {
    @Override
    public String toString() {
        return "Citizen[***]";
    }
}
