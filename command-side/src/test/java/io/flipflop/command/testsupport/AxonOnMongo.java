package io.flipflop.command.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Axon configuration beside a real MongoDB-wire server reached over the driver, for service tests:
 * one server per test class, a fresh database per test, and the Axon a test started shut down after it.
 * Register it as {@code @RegisterExtension static final AxonOnMongo fixture = new AxonOnMongo();}.
 */
public final class AxonOnMongo implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedMongoServer server;
    private MongoClient client;
    private Configuration axon;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        shutdownAxon();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    /** A database no other test has used. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase("test" + databases.incrementAndGet());
    }

    /** Axon with the given aggregates, events kept in memory; the caller may add to it before {@link #start}. */
    public static Configurer inMemoryAxon(Class<?>... aggregates) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureSerializer(c -> JacksonSerializer.defaultSerializer());
        for (Class<?> aggregate : aggregates) {
            configurer.configureAggregate(aggregate);
        }
        return configurer;
    }

    /** Starts the configuration; it is shut down after the test, or by {@link #shutdownAxon}. */
    public Configuration start(Configurer configurer) {
        shutdownAxon();
        axon = configurer.start();
        return axon;
    }

    /** Stops the running Axon, as a node going down does; nothing happens when none runs. */
    public void shutdownAxon() {
        if (axon != null) {
            axon.shutdown();
            axon = null;
        }
    }
}
