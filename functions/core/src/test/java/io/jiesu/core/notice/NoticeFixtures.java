package io.jiesu.core.notice;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Notices of the water authority around Tuesday 2026-03-10 in a district with the streets 和平里 and 安定门. */
final class NoticeFixtures {
    static final RoutingCatalogue CATALOGUE = new RoutingCatalogue(List.of(
            new HandlingUnit("water-authority", "区水务局"),
            new HandlingUnit("power-company", "区供电公司"),
            new HandlingUnit("hepingli-street", "和平里街道办事处"),
            new HandlingUnit("andingmen-street", "安定门街道办事处")), List.of());

    static final Actor WATER_STAFF = new Actor("staff-liu", Role.UNIT, "water-authority");
    static final Actor WATER_HEAD = new Actor("head-liu", Role.REVIEWER, "water-authority");
    static final Actor POWER_HEAD = new Actor("head-wu", Role.REVIEWER, "power-company");
    static final Actor POWER_STAFF = new Actor("staff-wu", Role.UNIT, "power-company");
    static final Actor DISPATCHER = new Actor("dispatcher-wang", Role.DISPATCHER, null);
    static final Actor ADMIN = new Actor("admin-ma", Role.ADMIN, null);
    static final Actor AGENT = new Actor("agent-li", Role.AGENT, null);
    static final Actor SUPERVISOR = new Actor("supervisor-he", Role.SUPERVISOR, null);
    static final Actor CITIZEN = new Actor("citizen-1", Role.CITIZEN, null);

    /** Monday 09:00: the water authority writes the notice of Tuesday's cut. */
    static final Instant MONDAY_9 = at("2026-03-09T09:00");
    static final Instant TUESDAY_8 = at("2026-03-10T08:00");
    static final Instant TUESDAY_12 = at("2026-03-10T12:00");
    static final Instant TUESDAY_18 = at("2026-03-10T18:00");

    static NoticeDraft waterCut(List<NoticeArea> areas) {
        return new NoticeDraft(NoticeKind.WATER, "和平里地区停水通知", "因管线维修，3月10日8:00至18:00停水。", areas,
                List.of(), TUESDAY_8, TUESDAY_18, null);
    }

    static NoticeDraft waterCutInHepingli() {
        return waterCut(List.of(new NoticeArea("hepingli-street", null, null, null)));
    }

    static Notice drafted() {
        return NoticeRules.draft("N1", waterCutInHepingli(), CATALOGUE, MONDAY_9, WATER_STAFF);
    }

    static Notice published() {
        return NoticeRules.publish(drafted(), MONDAY_9.plusSeconds(600), WATER_HEAD);
    }

    static Notice published(String id, NoticeKind kind, List<NoticeArea> areas, Instant from, Instant to) {
        NoticeDraft d = new NoticeDraft(kind, "通知 " + id, "内容", areas, List.of(), from, to, "water-authority");
        return NoticeRules.publish(NoticeRules.draft(id, d, CATALOGUE, MONDAY_9, DISPATCHER), MONDAY_9, DISPATCHER);
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private NoticeFixtures() {
    }
}
