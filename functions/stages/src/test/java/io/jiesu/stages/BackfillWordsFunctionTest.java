package io.jiesu.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.search.SearchCriteria;
import io.jiesu.aws.search.TicketCard;
import io.jiesu.aws.search.TicketLists;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.localcloud.testing.TestCloud;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word index's backfill, invoked by hand as an operator does after deploying it (no event source): each call
 * walks at most the pages it is asked for and answers where the next call goes on; a ticket stored before the index
 * is found by its words once the walk has ended.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class BackfillWordsFunctionTest {
    @Inject
    Tickets tickets;
    @Inject
    TicketLists lists;
    @ConfigProperty(name = "jiesu.table")
    String table;

    @Test
    void aTicketStoredBeforeTheWordIndexIsFoundByItsWordsOnceTheCallsHaveWalkedTheTable() {
        Lambda.export("backfill-words");
        Ticket old = tickets.received("路边古槐树枝折断 悬在人行道上方");
        forgetWords(old.id());
        SearchCriteria byWords = new SearchCriteria(null, null, null, null, null, null, null, null,
                List.of("古槐树枝"), SearchCriteria.Order.INTAKE);
        assertFalse(ids(byWords).contains(old.id()), "stored before the word index: its words find nothing");

        String cursor = null;
        int calls = 0;
        int written = 0;
        do {
            String request = cursor == null ? "{\"pages\":1}" : "{\"cursor\":\"" + cursor + "\",\"pages\":1}";
            JsonNode step = Lambda.invoke(request.getBytes(StandardCharsets.UTF_8));
            written += step.path("wordItemsWritten").asInt();
            cursor = step.hasNonNull("next") ? step.path("next").asText() : null;
            calls++;
        } while (cursor != null && calls < 1000);

        assertNull(cursor, "the walk ends: the last call answers no cursor");
        assertTrue(written > 0, "the forgotten ticket's word items were written again");
        assertTrue(ids(byWords).contains(old.id()), "found by its words now");
    }

    /** As before the word index: the ticket's word items gone (its ticket item and search keys stay). */
    private void forgetWords(String ticketId) {
        try (DynamoDbClient dynamo = TestCloud.dynamo()) {
            List<Map<String, AttributeValue>> items = dynamo.scanPaginator(b -> b.tableName(table)
                    .filterExpression("begins_with(PK, :w) AND contains(SK, :id)")
                    .expressionAttributeValues(Map.of(":w", AttributeValue.fromS("WORD#"), ":id", AttributeValue.fromS(ticketId))))
                    .items().stream().toList();
            assertFalse(items.isEmpty(), "intake indexed the ticket's words");
            items.forEach(i -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", i.get("PK"), "SK", i.get("SK")))));
        }
    }

    private List<String> ids(SearchCriteria c) {
        return lists.search(c, null, null, 50).items().stream().map(TicketCard::ticketId).toList();
    }
}
