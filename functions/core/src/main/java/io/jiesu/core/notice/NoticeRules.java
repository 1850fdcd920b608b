package io.jiesu.core.notice;

import io.jiesu.core.Refusal;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.jiesu.core.notice.NoticeStatus.*;

/**
 * Who writes, publishes and reads notices, and how a notice moves: draft → published → withdrawn (ended when its
 * end passes). The unit responsible for the cut (the water authority for a water cut) writes its own notices;
 * like a reply, a notice speaks for the unit to the public, so its reviewer (the unit head) publishes it, not any
 * of its staff. The hotline centre's dispatchers and admin may write and publish any unit's notice: the unit often
 * phones the cut in. Supervisors read everything, agents what is published (they tell callers only what is
 * decided), citizens the published notices in force or upcoming.
 */
public final class NoticeRules {
    private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.ADMIN);
    private static final Set<Role> STAFF = EnumSet.of(Role.AGENT, Role.DISPATCHER, Role.UNIT, Role.REVIEWER,
            Role.SUPERVISOR, Role.ADMIN);

    private NoticeRules() {
    }

    /** A new draft, in the writer's unit's name (unit staff) or the named unit's (the centre). */
    public static Notice draft(String id, NoticeDraft d, RoutingCatalogue catalogue, Instant at, Actor actor) {
        String unit = publishingUnit(d.unit(), actor, catalogue);
        NoticeBuilder b = new NoticeBuilder();
        b.id = id;
        b.unit = unit;
        b.status = DRAFT;
        b.createdAt = at;
        b.createdBy = actor.id();
        b.says(valid(d, catalogue));
        return b.next();
    }

    /**
     * A change of what the notice says (a cut that runs longer moves its end). A draft is changed by whoever may
     * write it; a published notice by whoever may publish it, since the public already reads it. The publishing
     * unit never changes.
     */
    public static Notice update(Notice n, NoticeDraft d, RoutingCatalogue catalogue, Instant at, Actor actor) {
        requireMayWrite(n, actor); // who may, before what state: a caller who may not learns nothing of the notice
        NoticeStatus now = n.statusAt(at);
        if (now != DRAFT && now != PUBLISHED) {
            throw now.refuses("change");
        }
        if (now == PUBLISHED) {
            requireMayPublish(n, actor, "a published notice is changed by its unit's reviewer or the hotline centre");
        }
        if (d.unit() != null && !d.unit().equals(n.unit())) {
            throw Refusal.invalid("unit", "the publishing unit of a notice does not change; write a new notice");
        }
        NoticeDraft checked = valid(d, catalogue);
        if (now == PUBLISHED && !checked.to().isAfter(at)) {
            throw Refusal.invalid("to", "a published notice cannot be made to end in the past; withdraw it instead");
        }
        return n.toBuilder().says(checked).next();
    }

    /** Published: agents and citizens see it, before its start too (upcoming). A notice already over is not published. */
    public static Notice publish(Notice n, Instant at, Actor actor) {
        requireMayWrite(n, actor);
        requireMayPublish(n, actor, "a unit's notice is published by its reviewer (the unit head) or the hotline centre");
        if (n.status() != DRAFT) {
            throw n.statusAt(at).refuses("publish");
        }
        if (!n.to().isAfter(at)) {
            throw Refusal.wrongStatus("cannot publish a notice whose end has passed; change its end first");
        }
        NoticeBuilder b = n.toBuilder();
        b.status = PUBLISHED;
        b.publishedAt = at;
        b.publishedBy = actor.id();
        return b.next();
    }

    /** Called off (or published in error): it leaves the desk and links no more tickets. A draft may be dropped so too. */
    public static Notice withdraw(Notice n, String reason, Instant at, Actor actor) {
        requireMayWrite(n, actor);
        requireMayPublish(n, actor, "a unit's notice is withdrawn by its reviewer (the unit head) or the hotline centre");
        NoticeStatus now = n.statusAt(at);
        if (now != DRAFT && now != PUBLISHED) {
            throw now.refuses("withdraw");
        }
        NoticeBuilder b = n.toBuilder();
        b.status = WITHDRAWN;
        b.withdrawnAt = at;
        b.withdrawnBy = actor.id();
        b.withdrawReason = reason == null || reason.isBlank() ? null : reason.strip();
        return b.next();
    }

    /**
     * Staff read every notice but drafts; a draft only its own unit and the centre (dispatchers, supervisors,
     * admin): agents tell callers only what is decided.
     */
    public static boolean mayRead(Notice n, Actor actor) {
        if (!STAFF.contains(actor.role())) {
            return false;
        }
        if (n.status() != DRAFT) {
            return true;
        }
        return switch (actor.role()) {
            case DISPATCHER, SUPERVISOR, ADMIN -> true;
            case UNIT, REVIEWER -> n.unit().equals(actor.unitId());
            default -> false;
        };
    }

    /** The drafts a reader's lists show: the centre's all, a unit's staff their own unit's, anyone else none. */
    public static NoticeQuery.Drafts draftsSeenBy(Actor actor) {
        return switch (actor.role()) {
            case DISPATCHER, SUPERVISOR, ADMIN -> NoticeQuery.Drafts.ALL;
            case UNIT, REVIEWER -> NoticeQuery.Drafts.of(actor.unitId());
            default -> NoticeQuery.Drafts.NONE;
        };
    }

    public static void requireMayRead(Notice n, Actor actor) {
        if (!mayRead(n, actor)) {
            throw Refusal.notYourNotice(actor.role() == Role.AGENT ? "agents see published notices only"
                    : "a draft is seen by its own unit and the hotline centre only");
        }
    }

    /** Unit staff write their own unit's notices; the centre any unit's. */
    private static void requireMayWrite(Notice n, Actor actor) {
        boolean ownUnit = (actor.role() == Role.UNIT || actor.role() == Role.REVIEWER) && n.unit().equals(actor.unitId());
        if (!ownUnit && !CENTRE.contains(actor.role())) {
            throw Refusal.notYourNotice("a notice is written by its own unit or the hotline centre");
        }
    }

    private static void requireMayPublish(Notice n, Actor actor, String rule) {
        boolean unitHead = actor.role() == Role.REVIEWER && n.unit().equals(actor.unitId());
        if (!unitHead && !CENTRE.contains(actor.role())) {
            throw Refusal.notYourNotice(rule);
        }
    }

    private static String publishingUnit(String named, Actor actor, RoutingCatalogue catalogue) {
        if (actor.role() == Role.UNIT || actor.role() == Role.REVIEWER) {
            if (named != null && !named.equals(actor.unitId())) {
                throw Refusal.notYourNotice("unit staff publish notices in their own unit's name only");
            }
            return actor.unitId();
        }
        if (!CENTRE.contains(actor.role())) {
            throw Refusal.notYourNotice("a notice is written by the unit responsible or the hotline centre");
        }
        if (named == null || named.isBlank()) {
            throw Refusal.invalid("unit", "name the unit that publishes the notice (the one responsible for the cut)");
        }
        if (catalogue.unit(named).isEmpty()) {
            throw Refusal.invalid("unit", "no handling unit '" + named + "' in the catalogue");
        }
        return named;
    }

    /** The draft as the rules accept it: something to say, somewhere, for a time; streets named by the catalogue. */
    private static NoticeDraft valid(NoticeDraft d, RoutingCatalogue catalogue) {
        if (d.kind() == null) {
            throw Refusal.invalid("kind", "say what the notice is of: water, power, heating, gas, road_closure or other");
        }
        if (d.title() == null || d.title().isBlank()) {
            throw Refusal.invalid("title", "a notice has a title");
        }
        if (d.text() == null || d.text().isBlank()) {
            throw Refusal.invalid("text", "a notice says what happens, where and until when");
        }
        if (d.from() == null) {
            throw Refusal.invalid("from", "a notice says when the cut or closure starts");
        }
        if (d.to() == null) {
            throw Refusal.invalid("to", "a notice says when the cut or closure ends (an estimate may be moved later)");
        }
        if (!d.to().isAfter(d.from())) {
            throw Refusal.invalid("to", "must be after from");
        }
        if (d.areas().isEmpty()) {
            throw Refusal.invalid("areas", "name at least one street, community or place the notice covers");
        }
        List<NoticeArea> areas = new ArrayList<>();
        for (int i = 0; i < d.areas().size(); i++) {
            NoticeArea a = d.areas().get(i);
            if (a == null || a.isEmpty()) {
                throw Refusal.invalid("areas[" + i + "]", "name a street, a community or a place");
            }
            String streetName = null;
            if (a.street() != null) {
                String field = "areas[" + i + "].street";
                streetName = catalogue.unit(a.street()).map(HandlingUnit::name).orElseThrow(() -> Refusal.invalid(
                        field, "no street office '" + a.street() + "' in the catalogue"));
            }
            // the street's name is the catalogue's, as published now: callers say it, not its id
            areas.add(new NoticeArea(a.street(), streetName, a.community(), a.place()));
        }
        return new NoticeDraft(d.kind(), d.title().strip(), d.text().strip(), areas, d.keywords(), d.from(), d.to(), d.unit());
    }
}
