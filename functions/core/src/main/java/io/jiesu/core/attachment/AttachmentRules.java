package io.jiesu.core.attachment;

import io.jiesu.core.Refusal;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;

import java.util.Locale;
import java.util.Set;

/**
 * Who may attach a file at which step, and what a file may be. Photos of the matter (JPEG, PNG, WebP, HEIC, as
 * phones take them) and PDFs (a letter, a permit) only; no larger than the deployment allows. A file goes with the
 * step that produces it:
 * <ul>
 *   <li>intake: the agent who takes the call, or the citizen who filed online, while the ticket is open;</li>
 *   <li>a contact: the lead unit's staff while they handle the ticket (signed), as they record their contacts;</li>
 *   <li>the reply: the lead unit's reviewer, who sends it, while the ticket is signed.</li>
 * </ul>
 * Whether the caller may read the ticket at all (their unit holds it, their own filing) is checked before these.
 */
public final class AttachmentRules {
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf");

    private final long maxBytes;

    public AttachmentRules(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The content type as stored (lower case, without parameters), or a refusal naming the field. */
    public String checkFile(String contentType, long size) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw Refusal.invalid("contentType", "a photo (JPEG, PNG, WebP, HEIC) or a PDF only; "
                    + "allowed: " + TYPES.stream().sorted().toList());
        }
        if (size > maxBytes) {
            throw Refusal.invalid("size", "a file may be at most " + maxBytes + " bytes");
        }
        return type;
    }

    /** Refuses the step if this actor may not attach for this purpose to the ticket as it stands. */
    public void checkStep(AttachmentPurpose purpose, Ticket t, Actor actor) {
        switch (purpose) {
            case INTAKE -> {
                requireRole(actor, purpose, Role.AGENT, Role.CITIZEN);
                if (t.state() == TicketState.CLOSED) {
                    throw Refusal.wrongState("a closed ticket takes no more intake files");
                }
            }
            case CONTACT, REPLY -> {
                if (purpose == AttachmentPurpose.CONTACT) {
                    requireRole(actor, purpose, Role.UNIT, Role.REVIEWER);
                } else {
                    requireRole(actor, purpose, Role.REVIEWER);
                }
                if (actor.unitId() == null || !actor.unitId().equals(t.leadUnit())) {
                    throw Refusal.notYourTicket("only the lead unit contacts the citizen and replies");
                }
                if (t.state() != TicketState.SIGNED) {
                    throw t.state().refuses("attach " + purpose.code() + " files to", TicketState.SIGNED);
                }
            }
        }
    }

    private static void requireRole(Actor actor, AttachmentPurpose purpose, Role... allowed) {
        for (Role r : allowed) {
            if (r == actor.role()) {
                return;
            }
        }
        throw Refusal.notYourTicket("a " + actor.role().code() + " does not attach " + purpose.code() + " files");
    }
}
