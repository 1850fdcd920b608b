package io.jiesu.api.search;

import io.jiesu.aws.search.Page;
import io.jiesu.aws.search.TicketCard;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of tickets as lists show them, and the cursor of the next page. */
public record TicketPage(List<TicketCard> items,
                         @Schema(description = "Pass as `cursor` for the next page; null on the last page. A page may hold"
                                 + " fewer tickets than asked (even none) and still have a next one: follow it until null.")
                         String next) {
    public static TicketPage of(Page<TicketCard> page) {
        return new TicketPage(page.items(), page.next());
    }
}
