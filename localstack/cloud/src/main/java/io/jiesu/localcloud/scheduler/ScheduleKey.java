package io.jiesu.localcloud.scheduler;

/** A schedule's identity; schedules sort by group, then name: the order ListSchedules returns them in. */
record ScheduleKey(String group, String name) implements Comparable<ScheduleKey> {

    @Override
    public int compareTo(ScheduleKey other) {
        int byGroup = group.compareTo(other.group);
        return byGroup != 0 ? byGroup : name.compareTo(other.name);
    }
}
