package io.jiesu.core.ticket;

/** Who did a step: recorded on every history entry (accountability). unitId is set for unit staff. */
public record Actor(String id, Role role, String unitId) {
    public static Actor system(String stage) {
        return new Actor(stage, Role.SYSTEM, null);
    }
}
