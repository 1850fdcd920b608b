package io.jiesu.core.ticket;

/**
 * A request as taken in. matter is the catalogue code when the channel knows it; answeredOnSpot marks a
 * consultation the agent answered from the knowledge base (即时答复), which is closed and never dispatched, and
 * answeredFrom the article the answer was read from.
 */
public record NewTicket(Category category, Channel channel, String content, Citizen citizen, String location,
                        String matter, boolean answeredOnSpot, AnsweredFrom answeredFrom) {

    /** A request that cites no article. */
    public NewTicket(Category category, Channel channel, String content, Citizen citizen, String location,
                     String matter, boolean answeredOnSpot) {
        this(category, channel, content, citizen, location, matter, answeredOnSpot, null);
    }
}
