package io.flipflop.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries and version-guarded updates answer on the H2 file backend (where an {@code $and} with an {@code _id}
 * equality reads one candidate through the index) exactly as on the stock memory backend (which scans).
 */
class IdFirstH2CollectionTest {

    private static final int DOCUMENTS = 200;

    @TempDir
    Path dataDir;

    private EmbeddedMongoServer h2;
    private EmbeddedMongoServer memory;
    private MongoClient h2Client;
    private MongoClient memoryClient;

    @BeforeEach
    void fillBoth() {
        h2 = EmbeddedMongoServer.onDisk(dataDir);
        memory = EmbeddedMongoServer.inMemory();
        h2Client = MongoClients.create(h2.connectionString());
        memoryClient = MongoClients.create(memory.connectionString());
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document document = new Document("_id", (long) i).append("name", "n" + i);
            if (i % 5 != 0) {
                document.append("version", (long) (i % 7));
            }
            documents.add(document);
        }
        documents.add(new Document("_id", "text-id").append("version", 3L));
        both(collection -> collection.insertMany(documents));
    }

    @AfterEach
    void close() {
        h2Client.close();
        memoryClient.close();
        h2.close();
        memory.close();
    }

    @Test
    void findsWhatTheScanFinds() {
        List<Bson> filters = List.of(
                and(eq("_id", 12L), lt("version", 6L)),
                and(eq("_id", 12L), gt("version", 6L)),
                and(eq("_id", 10L), or(exists("version", false), lt("version", 1L))),
                and(eq("_id", 999L), lt("version", 6L)),
                and(eq("_id", "text-id"), eq("version", 3L)),
                and(lt("version", 2L), eq("_id", 8L)),
                and(eq("_id", 12L), eq("_id", 13L)),
                and(in("_id", 1L, 2L, 3L), lt("version", 3L)),
                and(eq("name", "n7"), lt("version", 6L)));
        for (Bson filter : filters) {
            assertThat(find(h2Client, filter)).as(filter.toString()).isEqualTo(find(memoryClient, filter));
        }
        assertThat(find(h2Client, filters.get(0))).hasSize(1);
        assertThat(find(h2Client, filters.get(1))).isEmpty();
    }

    @Test
    void versionGuardedUpdatesChangeWhatTheScanWouldChange() {
        List<Function<MongoCollection<Document>, UpdateResult>> updates = List.of(
                c -> c.updateOne(and(eq("_id", 12L), lt("version", 6L)), set("name", "newer")),
                c -> c.updateOne(and(eq("_id", 13L), lt("version", 6L)), set("name", "stale")),
                c -> c.updateOne(and(eq("_id", 15L), or(exists("version", false), lt("version", 9L))),
                        set("version", 9L)),
                c -> c.updateOne(and(eq("_id", 500L), lt("version", 1L)), set("version", 1L),
                        new UpdateOptions().upsert(true)),
                c -> c.updateMany(and(eq("_id", 21L), lt("version", 1L)), set("name", "zero")));
        for (Function<MongoCollection<Document>, UpdateResult> update : updates) {
            UpdateResult onH2 = update.apply(collection(h2Client));
            UpdateResult inMemory = update.apply(collection(memoryClient));
            assertThat(onH2.getMatchedCount()).isEqualTo(inMemory.getMatchedCount());
            assertThat(onH2.getModifiedCount()).isEqualTo(inMemory.getModifiedCount());
            assertThat(onH2.getUpsertedId()).isEqualTo(inMemory.getUpsertedId());
        }
        assertThat(find(h2Client, new Document())).isEqualTo(find(memoryClient, new Document()));
        assertThat(collection(h2Client).find(eq("_id", 12L)).first()).containsEntry("name", "newer");
        assertThat(collection(h2Client).find(eq("_id", 500L)).first()).containsEntry("version", 1L);
    }

    @Test
    void onlyAnAndWithAPlainIdEqualityIsReadThroughTheIdIndex() {
        var guard = new de.bwaldvogel.mongo.bson.Document("version", new de.bwaldvogel.mongo.bson.Document("$lt", 6L));
        assertThat(IdFirstH2Collection.idEquality(new de.bwaldvogel.mongo.bson.Document("$and",
                List.of(new de.bwaldvogel.mongo.bson.Document("_id", 12L), guard)))).contains(12L);
        assertThat(IdFirstH2Collection.idEquality(new de.bwaldvogel.mongo.bson.Document("$and",
                List.of(guard, new de.bwaldvogel.mongo.bson.Document("_id", 12L))))).contains(12L);
        assertThat(IdFirstH2Collection.idEquality(new de.bwaldvogel.mongo.bson.Document("$and",
                List.of(new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$in",
                        List.of(1L, 2L))), guard)))).isEmpty();
        assertThat(IdFirstH2Collection.idEquality(new de.bwaldvogel.mongo.bson.Document("_id", 12L))).isEmpty();
        assertThat(IdFirstH2Collection.idEquality(new de.bwaldvogel.mongo.bson.Document("$or",
                List.of(new de.bwaldvogel.mongo.bson.Document("_id", 12L), guard)))).isEmpty();
    }

    private void both(java.util.function.Consumer<MongoCollection<Document>> action) {
        action.accept(collection(h2Client));
        action.accept(collection(memoryClient));
    }

    private static List<Document> find(MongoClient client, Bson filter) {
        return collection(client).find(filter).sort(Sorts.ascending("name", "_id")).into(new ArrayList<>());
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("guards").getCollection("views");
    }
}
