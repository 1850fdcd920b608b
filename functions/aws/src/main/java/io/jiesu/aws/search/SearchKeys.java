package io.jiesu.aws.search;

import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.ticket.Ticket;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static io.jiesu.aws.resources.CloudResources.*;

/**
 * The attributes a ticket item carries for the list indexes, written with the ticket at every step so the
 * indexes follow it: the keys of the search indexes (every ticket, and its lead unit's; by intake and by due
 * time), of its filer's list, and the filters' attributes and the card the indexes copy.
 */
public final class SearchKeys {
    /** The one partition of the every-ticket search indexes. */
    static final String ALL = "ALL";

    private SearchKeys() {
    }

    public static Map<String, AttributeValue> of(Ticket t) {
        Map<String, AttributeValue> item = new HashMap<>();
        String byIntake = sortableTime(t.receivedAt()) + "#" + t.id();
        String byDue = sortableTime(t.currentDue()) + "#" + t.id();
        item.put(SEARCH_BY_INTAKE.partitionKey(), s(ALL));
        item.put(SEARCH_BY_INTAKE.sortKey(), s(byIntake));
        item.put(SEARCH_BY_DUE.partitionKey(), s(ALL));
        item.put(SEARCH_BY_DUE.sortKey(), s(byDue));
        if (t.leadUnit() != null) {
            item.put(LEAD_BY_INTAKE.partitionKey(), s(leadPartition(t.leadUnit())));
            item.put(LEAD_BY_INTAKE.sortKey(), s(byIntake));
            item.put(LEAD_BY_DUE.partitionKey(), s(leadPartition(t.leadUnit())));
            item.put(LEAD_BY_DUE.sortKey(), s(byDue));
            item.put("leadUnit", s(t.leadUnit()));
        }
        if (t.filedBy() != null) {
            item.put(FILED_BY.partitionKey(), s(filerPartition(t.filedBy())));
            item.put(FILED_BY.sortKey(), s(byIntake));
        }
        item.put("category", s(t.category().code()));
        item.put("channel", s(t.channel().code()));
        item.put("overdue", AttributeValue.builder().bool(t.overdue()).build());
        item.put("provincial", AttributeValue.builder().bool(t.provincial()).build());
        item.put("received", s(sortableTime(t.receivedAt())));
        item.put("words", s(words(t.content())));
        item.put("card", s(TicketJson.write(TicketCard.of(t))));
        return item;
    }

    /** The text words are looked for in: lower case, so a Latin word matches whatever its case. */
    static String words(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    static String leadPartition(String unitId) {
        return "LEAD#" + unitId;
    }

    static String filerPartition(String subject) {
        return "FILER#" + subject;
    }

    /** Fixed-width epoch millis, so index keys sort by time; a missing time (a closed ticket's due) sorts last. */
    static String sortableTime(Instant t) {
        return t == null ? "9999999999999" : String.format("%013d", t.toEpochMilli());
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
