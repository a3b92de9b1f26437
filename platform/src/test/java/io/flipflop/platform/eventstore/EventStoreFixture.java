package io.flipflop.platform.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * A real embedded MongoDB-wire server reached over the real driver, one fresh database per test, and the
 * {@code find} filters the driver sent (to show which queries the engine makes).
 */
final class EventStoreFixture implements AutoCloseable {

    static final String AGGREGATE_TYPE = "Thing";

    record Happened(String thing, long step) {
    }

    private final EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
    private final List<Document> findFilters = Collections.synchronizedList(new ArrayList<>());
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("find")) {
                        findFilters.add(Document.parse(event.getCommand().getDocument("filter").toJson()));
                    }
                }
            })
            .build());
    private final MongoDatabase database = client.getDatabase("test-" + UUID.randomUUID());

    MongoDatabase database() {
        return database;
    }

    MongoEventStorageEngine engine() {
        return engine(builder -> builder);
    }

    /** Another engine on the same database: another command node. */
    MongoEventStorageEngine engine(UnaryOperator<MongoEventStorageEngine.Builder> settings) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = settings.apply(MongoEventStorageEngine.builder()
                .database(database).eventSerializer(serializer).snapshotSerializer(serializer)).build();
        engine.ensureIndexes();
        return engine;
    }

    static DomainEventMessage<Happened> event(String thing, long sequence) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, thing, sequence, new Happened(thing, sequence));
    }

    /** The filters of the {@code find} commands sent since the last call. */
    List<Document> takeFindFilters() {
        synchronized (findFilters) {
            List<Document> taken = new ArrayList<>(findFilters);
            findFilters.clear();
            return taken;
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
