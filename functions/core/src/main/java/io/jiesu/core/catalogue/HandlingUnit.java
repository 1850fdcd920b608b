package io.jiesu.core.catalogue;

/**
 * A handling unit (承办单位): department, street office, state firm, community. {@code headEmail}, when set,
 * is where the unit's head (单位负责人) receives their unit's part of the supervisors' digests.
 */
public record HandlingUnit(String id, String name, String headEmail) {
    public HandlingUnit(String id, String name) {
        this(id, name, null);
    }
}
