package io.jiesu.aws.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.notice.Notice;
import io.jiesu.core.notice.NoticeBoard;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.NewTicket;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.Transition;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Intake (受理): the one way a ticket comes in, from the HTTP API and from a provincial platform's webhook alike.
 * It numbers the ticket, applies the intake rules, and stores it with its outbox under an idempotency key, so a
 * retry of the same request is the same ticket and the same key with another request is refused. The adapters
 * only read their wire format and answer in it.
 */
public class Intake {
    private static final Logger LOG = Logger.getLogger(Intake.class);
    private static final Set<Channel> CITIZEN_CHANNELS = EnumSet.of(Channel.WEB, Channel.MOBILE, Channel.WECHAT);

    private final TicketWorkflow workflow;
    private final Deadlines deadlines;
    private final Policy policy;
    private final Clock clock;
    /** The notices in force (cached): a ticket about one is linked to it at intake. */
    private final Supplier<NoticeBoard> notices;

    public Intake(TicketWorkflow workflow, Deadlines deadlines, Policy policy, Clock clock) {
        this(workflow, deadlines, policy, clock, () -> new NoticeBoard(List.of()));
    }

    public Intake(TicketWorkflow workflow, Deadlines deadlines, Policy policy, Clock clock, Supplier<NoticeBoard> notices) {
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.policy = policy;
        this.clock = clock;
        this.notices = notices;
    }

    /** The ticket stored, and whether it was stored before: a retry under the same key with the same request. */
    public record Received(Ticket ticket, boolean replayed) {
    }

    /**
     * A ticket filed at the hotline by an agent or a citizen. The caller's Idempotency-Key (may be null) is
     * scoped to the caller; the request, as read, is its fingerprint.
     *
     * @throws IdempotencyKeyReusedException naming the caller's own key, when it came with another request
     */
    public Received atHotline(NewTicket ticket, Actor actor, String idempotencyKey, Object request) {
        if (actor.role() == Role.CITIZEN) {
            // a citizen files online; only an agent answers on the spot or records a call
            if (!CITIZEN_CHANNELS.contains(ticket.channel())) {
                throw Refusal.invalid("channel", "citizens file through web, mobile or wechat");
            }
            if (ticket.answeredOnSpot()) {
                throw Refusal.invalid("answeredOnSpot", "only an agent answers on the spot");
            }
        }
        Instant now = clock.instant();
        Transition t = Ticket.receive(TicketIds.next(now, policy.zone()), ticket, noticeAbout(ticket, now), now, actor,
                deadlines);
        // scoped to the caller, and apart from the webhook's "province:" keys
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : "api:" + actor.id() + ":" + idempotencyKey;
        Received r;
        try {
            r = store(t, key, request);
        } catch (IdempotencyKeyReusedException e) {
            // the stored key carries the caller's id; tell the client only about its own key
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
        LOG.infof("ticket %s %s (%s, %s%s)", r.ticket().id(), r.replayed() ? "replayed for its Idempotency-Key" : "taken in",
                r.ticket().category().code(), r.ticket().channel().code(),
                r.ticket().notice() == null ? "" : ", about notice " + r.ticket().notice());
        return r;
    }

    /**
     * A ticket a provincial platform sent down. The province's own number is the idempotency key: a retry of the
     * same request is the same ticket; the same number with another request is a conflict the province must
     * resolve, never silently the old ticket.
     *
     * @throws IdempotencyKeyReusedException naming the provincial number, when it came with another request
     */
    public Received fromProvince(NewTicket ticket, Ticket.ProvinceRef province, Object request) {
        Instant now = clock.instant();
        Transition t = Ticket.receiveFromProvince(TicketIds.next(now, policy.zone()), ticket, province,
                noticeAbout(ticket, now), now, new Actor("province-" + province.code(), Role.PROVINCE, null), deadlines);
        Received r;
        try {
            r = store(t, "province:" + province.code() + ":" + province.ticketId(), request);
        } catch (IdempotencyKeyReusedException e) {
            LOG.warnf("province %s ticket %s sent again with a different body", province.code(), province.ticketId());
            throw new IdempotencyKeyReusedException(province.ticketId());
        }
        LOG.infof("province %s ticket %s -> %s%s", province.code(), province.ticketId(), r.ticket().id(),
                r.replayed() ? " (retry)" : "");
        return r;
    }

    /**
     * The notice in force the ticket is about, if any. Reading the notices must never cost a ticket: when they
     * cannot be read the ticket is taken in unlinked.
     */
    private String noticeAbout(NewTicket ticket, Instant at) {
        try {
            return notices.get().linkFor(ticket.location(), ticket.content(), at).map(Notice::id).orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf("notices could not be read; ticket taken in without its notice: %s", e.getClass().getSimpleName());
            return null;
        }
    }

    private Received store(Transition t, String key, Object request) {
        Ticket stored = workflow.create(t, key, fingerprint(request));
        return new Received(stored, !stored.id().equals(t.after().id()));
    }

    /** The request as read (not the raw bytes): the same request sent again with other spacing or key order is a retry. */
    private static String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(TicketJson.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
