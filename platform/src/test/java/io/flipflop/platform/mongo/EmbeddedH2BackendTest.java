package io.flipflop.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written by mongo-java-server's own H2 backend opens with ours: keys keep their order, so ours finds by
 * {@code _id} (numbers), by a unique index on strings and by a unique compound index what the stock backend stored,
 * and rejects duplicates of its keys. Documents ours writes (as BSON, {@link BsonDocumentType}) survive a restart
 * with every value type the driver sends and the server makes.
 */
class EmbeddedH2BackendTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void readsAndGuardsTheKeysOfTheStockBackendAndKeepsItsOwnAcrossARestart() {
        withStockBackend(collection -> {
            collection.createIndex(Indexes.ascending("name", "segment"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            insert(collection, 0, DOCUMENTS);
        });

        withOurBackend(collection -> {
            assertFindsEach(collection, 0, DOCUMENTS);
            assertRejectsDuplicates(collection, DOCUMENTS - 1);
            insert(collection, DOCUMENTS, 2 * DOCUMENTS);
            assertFindsEach(collection, 0, 2 * DOCUMENTS);
        });

        withOurBackend(collection -> {
            assertFindsEach(collection, 0, 2 * DOCUMENTS);
            assertRejectsDuplicates(collection, 2 * DOCUMENTS - 1);
        });
    }

    @Test
    void aDocumentOfEveryTypeAndWhatAnUpdateMadeOfItSurviveARestart() {
        Document sent = new Document("_id", new ObjectId()).append("int", 7).append("long", 1L << 40)
                .append("double", -0.5).append("decimal", Decimal128.parse("1.10")).append("string", "é 😀")
                .append("null", null).append("true", true).append("date", new Date(1_796_000_000_123L))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("regex", new BsonRegularExpression("^a.*", "i")).append("min", new MinKey())
                .append("max", new MaxKey()).append("counter", 1);
        Document[] updated = new Document[1];
        withOurBackend(collection -> {
            collection.insertOne(sent);
            updated[0] = collection.findOneAndUpdate(Filters.eq("_id", sent.get("_id")),
                    Updates.combine(Updates.inc("counter", 1L), Updates.currentDate("touchedAt"),
                            Updates.push("nested.list", "four")),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        });

        withOurBackend(collection -> assertThat(collection.find(Filters.eq("_id", sent.get("_id"))).first())
                .isEqualTo(updated[0])
                .satisfies(document -> assertThat(document.get("counter")).isEqualTo(2L))
                .satisfies(document -> assertThat(document.get("touchedAt")).isInstanceOf(Date.class)));
    }

    private void withOurBackend(Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            use.accept(collection(client));
        }
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
