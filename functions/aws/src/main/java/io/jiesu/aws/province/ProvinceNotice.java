package io.jiesu.aws.province;

import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A change the province must know of its ticket, as posted to its callback URL. Its idempotency key
 * (ticket id and version) lets the province apply each change once; no personal data travels in it.
 */
public record ProvinceNotice(String province, String provinceTicketId, String ticketId, long version, String status,
                             Instant at, Map<String, String> detail) {

    public String idempotencyKey() {
        return ticketId + ":" + version;
    }

    /** The notice a transition owes the province, if the ticket is provincial and the change is one it follows. */
    public static Optional<ProvinceNotice> of(Ticket after, TicketEvent event) {
        if (after.province() == null) {
            return Optional.empty();
        }
        String status = switch (event.type()) {
            case TICKET_RECEIVED -> "accepted";
            case TICKET_DISPATCHED -> "dispatched";
            case TICKET_RETURNED -> "returned";
            case TICKET_REPLIED -> "replied";
            case TICKET_CLOSED -> "closed";
            case TICKET_REOPENED -> "reopened";
            default -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        Map<String, String> detail = new LinkedHashMap<>();
        if (event.type() == EventType.TICKET_DISPATCHED || event.type() == EventType.TICKET_REOPENED) {
            detail.put("leadUnit", after.leadUnit());
            detail.put("replyDueAt", String.valueOf(after.replyDueAt()));
        }
        if (event.type() == EventType.TICKET_REPLIED) {
            detail.put("outcome", after.reply().outcome().code());
            detail.put("result", after.reply().result());
        }
        if (event.type() == EventType.TICKET_CLOSED) {
            detail.put("closure", after.closure().code());
        }
        if (event.type() == EventType.TICKET_RETURNED) {
            detail.put("reason", event.detail().getOrDefault("reason", ""));
        }
        return Optional.of(new ProvinceNotice(after.province().code(), after.province().ticketId(), after.id(),
                after.version(), status, event.at(), detail));
    }
}
