package io.jiesu.localcloud.scheduler;

import io.jiesu.localcloud.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's state: schedule groups and schedules, in memory, and where every "now" comes from. One lock guards
 * both maps; it is held only for bookkeeping, never while calling SQS. Refusals are the service's modeled errors.
 */
final class ScheduleStore {

    private final Clock clock;
    private final String region = LocalAws.REGION.id();
    private final Object lock = new Object();
    private final Map<String, ScheduleGroup> groups = new TreeMap<>();
    private final TreeMap<ScheduleKey, Schedule> schedules = new TreeMap<>();

    /** A store holding only the {@code default} group. */
    ScheduleStore(Clock clock) {
        this.clock = clock;
        String group = SchedulerServer.DEFAULT_GROUP;
        groups.put(group, new ScheduleGroup(group, groupArn(group), now(), null));
    }

    /** The clock's instant to the millisecond, as the service keeps its dates. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- schedules ---------------------------------------------------------------------------------------------

    /** Stores a new schedule; a create repeated with the same client token answers with the schedule it made. */
    Schedule create(String name, ScheduleDefinition def, Instant now, String token) {
        synchronized (lock) {
            requireGroup(def.group());
            ScheduleKey key = new ScheduleKey(def.group(), name);
            Schedule existing = schedules.get(key);
            if (existing != null) {
                if (token != null && token.equals(existing.clientToken)) {
                    return existing; // a retry of the same create
                }
                throw ApiException.conflict("Schedule " + name + " already exists.");
            }
            Schedule schedule = new Schedule(key, scheduleArn(def.group(), name), def, now, now, token);
            schedules.put(key, schedule);
            return schedule;
        }
    }

    /** Replaces a schedule's whole definition; its occurrences start again from {@code now}. */
    Schedule update(String name, ScheduleDefinition def, Instant now) {
        synchronized (lock) {
            requireGroup(def.group());
            ScheduleKey key = new ScheduleKey(def.group(), name);
            Schedule existing = schedules.get(key);
            if (existing == null) {
                throw scheduleNotFound(name);
            }
            Schedule schedule = new Schedule(key, existing.arn, def, existing.creationDate, now, existing.clientToken);
            schedules.put(key, schedule);
            return schedule;
        }
    }

    Schedule get(String group, String name) {
        synchronized (lock) {
            requireGroup(group);
            Schedule s = schedules.get(new ScheduleKey(group, name));
            if (s == null) {
                throw scheduleNotFound(name);
            }
            return s;
        }
    }

    void delete(String group, String name) {
        synchronized (lock) {
            requireGroup(group);
            if (schedules.remove(new ScheduleKey(group, name)) == null) {
                throw scheduleNotFound(name);
            }
        }
    }

    /** The schedules after {@code after} (all if null) in list order; {@code group}, if given, must exist. */
    List<Schedule> schedulesAfter(ScheduleKey after, String group) {
        synchronized (lock) {
            if (group != null) {
                requireGroup(group);
            }
            return new ArrayList<>((after == null ? schedules : schedules.tailMap(after, false)).values());
        }
    }

    /** How many schedules the group holds now; 0 for a group that does not exist. */
    int count(String group) {
        synchronized (lock) {
            return (int) schedules.keySet().stream().filter(k -> k.group().equals(group)).count();
        }
    }

    // ---- schedule groups ---------------------------------------------------------------------------------------

    /** Stores a new group; a create repeated with the same client token answers with the group it made. */
    ScheduleGroup createGroup(String name, String token) {
        synchronized (lock) {
            ScheduleGroup existing = groups.get(name);
            if (existing != null) {
                if (token != null && token.equals(existing.clientToken())) {
                    return existing;
                }
                throw ApiException.conflict("Schedule group " + name + " already exists.");
            }
            ScheduleGroup group = new ScheduleGroup(name, groupArn(name), now(), token);
            groups.put(name, group);
            return group;
        }
    }

    ScheduleGroup group(String name) {
        synchronized (lock) {
            return requireGroup(name);
        }
    }

    /** Deletes a group and its schedules (AWS deletes them asynchronously; here at once). */
    void deleteGroup(String name) {
        if (name.equals(SchedulerServer.DEFAULT_GROUP)) {
            throw ApiException.validation("The default schedule group cannot be deleted.");
        }
        synchronized (lock) {
            requireGroup(name);
            groups.remove(name);
            schedules.keySet().removeIf(k -> k.group().equals(name));
        }
    }

    /** Every group, by name. */
    List<ScheduleGroup> groups() {
        synchronized (lock) {
            return new ArrayList<>(groups.values());
        }
    }

    // ---- what firing takes -------------------------------------------------------------------------------------

    /**
     * Takes the earliest due occurrence and moves its schedule on; a schedule with ActionAfterCompletion DELETE that
     * has no occurrence left is deleted. Null if nothing is due.
     */
    Firing takeNextDue(Instant now) {
        synchronized (lock) {
            Schedule due = null;
            for (Schedule s : schedules.values()) {
                if (s.enabled() && s.nextFire != null && !s.nextFire.isAfter(now)
                        && (due == null || s.nextFire.isBefore(due.nextFire))) {
                    due = s; // ties: the first in (group, name) order, as values() iterates
                }
            }
            if (due == null) {
                return null;
            }
            Instant occurrence = due.nextFire;
            due.nextFire = due.following(occurrence).orElse(null);
            if (due.nextFire == null && due.def.deleteAfterCompletion()) {
                schedules.remove(due.key);
            }
            return new Firing(due, occurrence);
        }
    }

    /** Deletes recurring schedules with ActionAfterCompletion DELETE whose EndDate has passed unfired. */
    void deleteCompleted(Instant now) {
        synchronized (lock) {
            schedules.values().removeIf(s -> s.def.deleteAfterCompletion() && !s.def.expression().oneTime()
                    && s.nextFire == null && s.def.endDate() != null && !s.def.endDate().isAfter(now));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private ScheduleGroup requireGroup(String name) {
        ScheduleGroup group = groups.get(name);
        if (group == null) {
            throw ApiException.notFound("Schedule group " + name + " does not exist.");
        }
        return group;
    }

    private static ApiException scheduleNotFound(String name) {
        return ApiException.notFound("Schedule " + name + " does not exist.");
    }

    private String scheduleArn(String group, String name) {
        return "arn:aws:scheduler:" + region + ":" + LocalAws.ACCOUNT_ID + ":schedule/" + group + "/" + name;
    }

    private String groupArn(String name) {
        return "arn:aws:scheduler:" + region + ":" + LocalAws.ACCOUNT_ID + ":schedule-group/" + name;
    }
}
