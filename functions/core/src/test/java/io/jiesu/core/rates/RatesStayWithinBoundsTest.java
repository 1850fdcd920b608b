package io.jiesu.core.rates;

import io.jiesu.core.Refusal;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A property over random ticket lives: whatever the tickets did (late signs after midnight, returns and
 * redispatches, extensions, overdue replies, reopenings, unanswered callbacks), the counters their transitions
 * leave give every rate, for any unit or all units and any range of days, a numerator within 0..denominator.
 * Lives are made only by the domain's own transitions (a step the domain refuses is simply not taken), and
 * their counters by TicketCounters, as the ticket store writes them. Seeded, so a failure repeats.
 */
class RatesStayWithinBoundsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final TicketCounters COUNTERS = new TicketCounters(SHANGHAI);
    private static final List<String> UNITS = List.of("heating-company", "water-authority", "urban-management");
    private static final Actor AGENT = new Actor("agent", Role.AGENT, null);
    private static final Actor DISPATCHER = new Actor("dispatcher", Role.DISPATCHER, null);
    private static final Actor SYSTEM = Actor.system("stage");
    private static final Instant START = LocalDateTime.parse("2026-01-05T00:00").atZone(SHANGHAI).toInstant();

    private static final Map<String, Function<Rates, Rate>> RATES = Map.of(
            "response", Rates::response, "on-time completion", Rates::onTimeCompletion,
            "completion", Rates::completion, "first-time resolution", Rates::firstTimeResolution,
            "resolution", Rates::resolution, "satisfaction", Rates::satisfaction);

    @Test
    void everyRateOfEveryUnitAndOfAllUnitsStaysWithinZeroAndOneForAnyRangeOfDays() {
        for (long seed : new long[]{1, 2, 3, 20260302}) {
            Random random = new Random(seed);
            Map<String, TreeMap<LocalDate, Map<Counter, Long>>> byUnit = new TreeMap<>();
            for (int i = 0; i < 400; i++) {
                for (Transition t : life("T-" + seed + "-" + i, random)) {
                    COUNTERS.of(t).forEach((key, deltas) -> deltas.forEach((c, n) -> byUnit
                            .computeIfAbsent(key.unitId(), u -> new TreeMap<>())
                            .computeIfAbsent(key.day(), d -> new EnumMap<>(Counter.class)).merge(c, n, Long::sum)));
                }
            }
            LocalDate first = byUnit.values().stream().map(TreeMap::firstKey).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = byUnit.values().stream().map(TreeMap::lastKey).max(LocalDate::compareTo).orElseThrow();
            int span = (int) (last.toEpochDay() - first.toEpochDay());
            List<LocalDate[]> ranges = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                ranges.add(new LocalDate[]{d, d});                                  // every single day
            }
            for (int r = 0; r < 1_000; r++) {                                       // and arbitrary ranges
                LocalDate from = first.plusDays(random.nextInt(span + 1));
                ranges.add(new LocalDate[]{from, from.plusDays(random.nextInt(40))});
            }
            ranges.add(new LocalDate[]{first, last});
            for (LocalDate[] range : ranges) {
                List<Map<Counter, Long>> units = new ArrayList<>();
                byUnit.forEach((unit, days) -> {
                    Map<Counter, Long> sum = Rates.sum(days.subMap(range[0], true, range[1], true).values());
                    units.add(sum);
                    assertWithinBounds(Rates.of(sum), "seed " + seed + ", " + unit + ", " + range[0] + ".." + range[1]);
                });
                assertWithinBounds(Rates.of(Rates.sum(units)), "seed " + seed + ", all units, " + range[0] + ".." + range[1]);
            }
        }
    }

    private static void assertWithinBounds(Rates rates, String where) {
        RATES.forEach((name, rate) -> {
            Rate r = rate.apply(rates);
            assertTrue(r.numerator() >= 0 && r.numerator() <= r.denominator(),
                    name + " " + r.numerator() + "/" + r.denominator() + " (" + where + "): " + rates.counts());
            if (r.value() != null) {
                assertTrue(r.value() >= 0 && r.value() <= 1, name + " " + r.value() + " (" + where + ")");
            }
        });
    }

    /** One ticket's life: random steps the domain allows, at random moments, until it closes or runs out of steps. */
    private static List<Transition> life(String id, Random random) {
        List<Transition> steps = new ArrayList<>();
        Category category = Category.values()[random.nextInt(Category.values().length)];
        boolean onSpot = category == Category.CONSULTATION && random.nextInt(10) == 0;
        Instant now = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
        Transition received = Ticket.receive(id, new NewTicket(category, Channel.PHONE, "随机的一生",
                new Citizen("张三", "13812345678"), null, null, onSpot,
                onSpot ? new AnsweredFrom("KB-" + id, 1, UNITS.get(random.nextInt(UNITS.size()))) : null), now, AGENT, DEADLINES);
        steps.add(received);
        Ticket t = received.after();
        for (int step = 0; step < 80 && t.state() != TicketState.CLOSED; step++) {
            now = now.plus(pause(random));
            Transition next;
            try {
                next = step(t, now, random);
            } catch (Refusal refused) {
                continue;                                                           // not allowed now: try another step
            }
            if (next != null) {
                steps.add(next);
                t = next.after();
            }
        }
        return steps;
    }

    /** Minutes, hours or days: signs come within the window or late, replies early or past their deadline. */
    private static Duration pause(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Duration.ofMinutes(random.nextInt(60));
            case 1 -> Duration.ofMinutes(random.nextInt(60 * 8));
            case 2 -> Duration.ofHours(random.nextInt(48));
            default -> Duration.ofDays(random.nextInt(8));
        };
    }

    private static Transition step(Ticket t, Instant now, Random random) {
        Actor staff = t.leadUnit() == null ? null : new Actor("staff", Role.UNIT, t.leadUnit());
        int pick = random.nextInt(4);
        return switch (t.state()) {
            case RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW -> pick == 0
                    ? t.markDispatchOverdue(now, SYSTEM)
                    : t.dispatch(UNITS.get(random.nextInt(UNITS.size())), List.of(), now, DISPATCHER, DEADLINES);
            case DISPATCHED -> switch (pick) {
                case 0 -> t.markSignOverdue(now, SYSTEM);
                case 1 -> extension(t, now, random, staff);
                case 2 -> now.isAfter(t.replyDueAt()) ? t.markReplyOverdue(now, SYSTEM) : null;
                default -> t.sign(now, staff, DEADLINES);
            };
            case SIGNED -> switch (random.nextInt(6)) {
                case 0 -> t.returnToCentre("不属于本单位", now, staff);
                case 1 -> extension(t, now, random, staff);
                case 2 -> now.isAfter(t.replyDueAt()) ? t.markReplyOverdue(now, SYSTEM) : null;
                case 3 -> t.firstContactAt() == null ? t.recordContact(ContactKind.FIRST, null, now, staff)
                        : t.recordContact(ContactKind.ON_SITE, null, now, staff);
                default -> t.reply(new Reply("已处理", random.nextBoolean() ? Outcome.SOLVED : Outcome.EXPLAINED,
                        "政策依据", "李工", "13900001111", "rev"), now, staff);
            };
            case RETURNED -> t.reroute(2, now, SYSTEM);
            case REPLIED -> t.openCallbackWindow(now, SYSTEM, DEADLINES);
            case AWAITING_CALLBACK -> pick == 0 ? t.closeUnanswered(now, SYSTEM) : t.recordCallback(new CallbackResult(
                    Satisfaction.values()[random.nextInt(Satisfaction.values().length)], random.nextBoolean(),
                    random.nextBoolean(), null), now, AGENT);
            case RATED -> t.settleCallback(now, SYSTEM, DEADLINES);
            case CLOSED -> null;
        };
    }

    private static Transition extension(Ticket t, Instant now, Random random, Actor staff) {
        return t.pendingExtension().isPresent()
                ? t.decideExtension(random.nextInt(3) > 0, null, now, DISPATCHER, DEADLINES)
                : t.requestExtension(1 + random.nextInt(3), "需要更多时间", now, staff, DEADLINES);
    }
}
