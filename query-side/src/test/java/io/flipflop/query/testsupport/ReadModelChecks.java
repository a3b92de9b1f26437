package io.flipflop.query.testsupport;

import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What every projection promises, whatever its events: applying them again changes nothing (Axon delivers at
 * least once), and a replay from zero after a reset rebuilds the very same documents.
 */
public final class ReadModelChecks {

    private ReadModelChecks() {
    }

    /** Applies {@code history} twice and asserts the second time left the collections as the first did. */
    public static void assertAppliedTwiceLeavesIdenticalDocuments(MongoDatabase database, Runnable history,
                                                                  String... collections) {
        history.run();
        Map<String, List<Document>> once = snapshot(database, collections);

        history.run();

        assertThat(snapshot(database, collections)).isEqualTo(once);
    }

    /** Applies {@code history}, resets (which must empty the collections), replays, and compares the documents. */
    public static void assertReplayAfterResetRebuildsIdenticalDocuments(MongoDatabase database, Runnable reset,
                                                                        Runnable history, String... collections) {
        history.run();
        Map<String, List<Document>> built = snapshot(database, collections);

        reset.run();
        assertThat(snapshot(database, collections)).allSatisfy((name, documents) ->
                assertThat(documents).as(name).isEmpty());
        history.run();

        assertThat(snapshot(database, collections)).isEqualTo(built);
    }

    private static Map<String, List<Document>> snapshot(MongoDatabase database, String... collections) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(collection, documents(database, collection));
        }
        return documents;
    }
}
