package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A ticket walked to each point of its life on fixed Shanghai instants, for the behaviour tests in this
 * package. The week is Monday 2026-03-09 to Friday 2026-03-13: five ordinary working days, no holiday.
 */
final class TicketFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Policy POLICY = Policy.defaults();
    static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), POLICY);

    static final String ID = "T-20260309-0001";
    static final String LEAD = "heating-company";
    static final String CO = "housing-bureau";

    static final Actor AGENT = new Actor("agent-li", Role.AGENT, null);
    static final Actor DISPATCHER = new Actor("dispatcher-wang", Role.DISPATCHER, null);
    static final Actor LEAD_STAFF = new Actor("staff-zhao", Role.UNIT, LEAD);
    static final Actor CO_STAFF = new Actor("staff-sun", Role.UNIT, CO);
    static final Actor OTHER_UNIT_STAFF = new Actor("staff-qian", Role.UNIT, "water-authority");
    static final Actor CALLBACK_AGENT = new Actor("agent-zhou", Role.AGENT, null);
    static final Actor SYSTEM = Actor.system("callback-stage");

    static final Instant RECEIVED_AT = at("2026-03-09T09:30");
    static final Instant DISPATCHED_AT = at("2026-03-09T09:40");
    static final Instant SIGNED_AT = at("2026-03-09T10:15");
    static final Instant FIRST_CONTACT_AT = at("2026-03-09T10:30");
    static final Instant REPLIED_AT = at("2026-03-11T16:00");
    static final Instant WINDOW_OPENED_AT = at("2026-03-11T16:05");
    static final Instant CALLBACK_AT = at("2026-03-12T10:00");
    static final Instant SETTLED_AT = at("2026-03-12T10:01");

    private TicketFixtures() {
    }

    /** "2026-03-09T09:30" on a Shanghai wall clock. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static NewTicket request(Category category) {
        return new NewTicket(category, Channel.PHONE, "家里暖气不热，室温只有14度", new Citizen("张三", "13800000000"),
                "东城街道幸福小区3号楼", null, false);
    }

    static Reply solvedReply() {
        return new Reply("已派人检修阀门，室温恢复到20度", Outcome.SOLVED, null, "赵师傅", "010-12345678", "李科长");
    }

    static CallbackResult rated(Satisfaction satisfaction, Boolean demandReasonable) {
        return new CallbackResult(satisfaction, satisfaction != Satisfaction.UNSATISFIED, demandReasonable, null);
    }

    static Ticket received(Category category) {
        return Ticket.receive(ID, request(category), RECEIVED_AT, AGENT, DEADLINES).after();
    }

    static Ticket received() {
        return received(Category.HELP_REQUEST);
    }

    static Ticket dispatched() {
        return received().dispatch(LEAD, List.of(CO), DISPATCHED_AT, DISPATCHER, DEADLINES).after();
    }

    static Ticket signed() {
        return dispatched().sign(SIGNED_AT, LEAD_STAFF, DEADLINES).after();
    }

    static Ticket contacted() {
        return signed().recordContact(ContactKind.FIRST, "已电话联系诉求人", FIRST_CONTACT_AT, LEAD_STAFF).after();
    }

    static Ticket replied() {
        return contacted().reply(solvedReply(), REPLIED_AT, LEAD_STAFF).after();
    }

    static Ticket awaitingCallback() {
        return replied().openCallbackWindow(WINDOW_OPENED_AT, SYSTEM, DEADLINES).after();
    }

    static Ticket ratedAs(Satisfaction satisfaction, Boolean demandReasonable) {
        return awaitingCallback().recordCallback(rated(satisfaction, demandReasonable), CALLBACK_AT, CALLBACK_AGENT)
                .after();
    }

    static Ticket closedSatisfied() {
        return ratedAs(Satisfaction.SATISFIED, null).settleCallback(SETTLED_AT, SYSTEM, DEADLINES).after();
    }

    static Refusal refused(Executable step) {
        return assertThrows(Refusal.class, step);
    }
}
