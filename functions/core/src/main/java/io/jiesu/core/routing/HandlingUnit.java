package io.jiesu.core.routing;

/** A handling unit (承办单位): department, street office, state firm, community. */
public record HandlingUnit(String id, String name) {
}
