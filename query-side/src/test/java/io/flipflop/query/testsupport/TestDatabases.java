package io.flipflop.query.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Sorts;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Flux;

/**
 * A real MongoDB-wire server for read-model tests: one per test class, reached over the wire by the reactive
 * driver as in production, with a fresh database per test so tests never see each other's documents. As
 * {@code @RegisterExtension static final TestDatabases databases = new TestDatabases();} it stops after the class.
 */
public final class TestDatabases implements AutoCloseable, AfterAllCallback {

    private final EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
    private final AtomicLong updateStatements = new AtomicLong();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("update")) {
                        updateStatements.addAndGet(event.getCommand().getArray("updates").size());
                    }
                }
            }).build());
    private final AtomicInteger created = new AtomicInteger();

    public MongoDatabase fresh() {
        return client.getDatabase("test" + created.incrementAndGet());
    }

    /** The update statements sent so far (a bulk write's each), to tell how many writes reached the server. */
    public long updateStatementsSent() {
        return updateStatements.get();
    }

    /** Every document of a collection in {@code _id} order, to compare read models as a whole. */
    public static List<Document> documents(MongoDatabase database, String collection) {
        return Flux.from(database.getCollection(collection).find().sort(Sorts.ascending("_id")))
                .collectList().block();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
