package io.flipflop.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file written by mongo-java-server's own backend and by ours is the same file: keys keep their order, so
 * each backend finds by {@code _id} (numbers), by a unique index on strings and by a unique compound index what the
 * other stored, and both reject
 * duplicates of the other's keys.
 */
class EmbeddedH2BackendTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void readsAndGuardsTheKeysOfTheStockBackendAndTheOtherWayRound() {
        withStockBackend(collection -> {
            collection.createIndex(Indexes.ascending("name", "segment"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            insert(collection, 0, DOCUMENTS);
        });

        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = collection(client);
            assertFindsEach(collection, 0, DOCUMENTS);
            assertRejectsDuplicates(collection, DOCUMENTS - 1);
            insert(collection, DOCUMENTS, 2 * DOCUMENTS);
            assertFindsEach(collection, 0, 2 * DOCUMENTS);
        }

        withStockBackend(collection -> {
            assertFindsEach(collection, 0, 2 * DOCUMENTS);
            assertRejectsDuplicates(collection, 2 * DOCUMENTS - 1);
        });
    }

    private void withStockBackend(Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(new H2Backend(
                new MVStore.Builder().fileName(dataDir.resolve("flipflop.mv").toString()).open()));
        try (MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                + server.getLocalAddress().getPort())) {
            use.accept(collection(client));
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("keys").getCollection("tokens");
    }

    private static void insert(MongoCollection<Document> collection, long from, long to) {
        // Shuffled ids, so keys land all over the index rather than appended at its end.
        List<Document> documents = new ArrayList<>();
        LongStream.range(from, to).map(i -> from + (i * 7_919) % (to - from)).forEach(id -> documents.add(
                new Document("_id", id).append("name", "processor-" + id % 13).append("segment", id)
                        .append("k", key(id))));
        collection.insertMany(documents);
    }

    /** Like an aggregate's key: a string of varying length, in an index of its own (single-value string keys). */
    private static String key(long id) {
        return id % 97 + "/" + id;
    }

    private static void assertFindsEach(MongoCollection<Document> collection, long from, long to) {
        for (long id = from; id < to; id++) {
            Document found = collection.find(Filters.eq("_id", id)).first();
            assertThat(found).as("_id %d", id).isNotNull();
            assertThat(found.getLong("segment")).isEqualTo(id);
            assertThat(collection.find(Filters.and(Filters.eq("name", "processor-" + id % 13),
                    Filters.eq("segment", id))).first()).as("name and segment of %d", id).isNotNull();
            assertThat(collection.find(Filters.eq("k", key(id))).first()).as("key of %d", id).isNotNull();
        }
        assertThat(collection.countDocuments()).isEqualTo(to - from);
    }

    private static void assertRejectsDuplicates(MongoCollection<Document> collection, long existing) {
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", existing)))
                .isInstanceOfSatisfying(MongoWriteException.class, duplicate ->
                        assertThat(duplicate.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", -1L)
                .append("name", "processor-" + existing % 13).append("segment", existing)))
                .isInstanceOfSatisfying(MongoWriteException.class, duplicate ->
                        assertThat(duplicate.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", -2L).append("k", key(existing))))
                .isInstanceOfSatisfying(MongoWriteException.class, duplicate ->
                        assertThat(duplicate.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
