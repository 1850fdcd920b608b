package io.jiesu.localrun;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.search.WordBackfill;
import io.jiesu.localcloud.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Brings the running local cloud's tickets stored before the word index into the searches ({@link WordBackfill}),
 * a page at a time, printing the cursor of each step: a run stopped half way goes on from it.
 * <pre>bash localstack/run-local.sh backfill-words [cursor]</pre>
 */
public final class BackfillWords {
    private static final int PAGE = 200;

    private BackfillWords() {
    }

    static void run(Path root, String[] args) throws IOException {
        Properties found = LocalRun.running(root);
        String cursor = args.length > 1 ? args[1] : null;
        int tickets = 0, keys = 0, words = 0;
        try (DynamoDbClient dynamo = LocalAws.dynamo(URI.create(found.getProperty("dynamo.endpoint")))) {
            WordBackfill backfill = new WordBackfill(dynamo, CloudResources.TABLE);
            do {
                WordBackfill.Step step = backfill.step(cursor, PAGE);
                tickets += step.tickets();
                keys += step.searchKeysAdded();
                words += step.wordItemsWritten();
                cursor = step.next();
                if (cursor != null) {
                    System.out.println("next " + cursor);
                }
            } while (cursor != null);
        }
        System.out.printf("backfilled %d tickets: search keys added to %d, %d word items written%n", tickets, keys, words);
    }
}
