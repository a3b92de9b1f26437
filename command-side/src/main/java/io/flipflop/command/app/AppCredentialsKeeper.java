package io.flipflop.command.app;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.platform.security.AppCredentialsDirectory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code app_credentials} (see {@link AppCredentialsDirectory}) in step with app events. Its processing
 * group is subscribing ({@link AppCredentialsProcessing}), so it runs in the thread of the command, right after
 * the events are stored: a key is usable as soon as the console shows it, and a rotated key stops working before
 * the console answers. Writes are idempotent, so a retried command is harmless.
 */
@Component
@ProcessingGroup(AppCredentialsProcessing.PROCESSING_GROUP)
public class AppCredentialsKeeper {

    private final MongoDatabase database;
    private final MongoCollection<Document> credentials;
    private final EventStore eventStore;

    public AppCredentialsKeeper(MongoDatabase database, EventStore eventStore) {
        this.database = database;
        this.credentials = database.getCollection(AppCredentialsDirectory.COLLECTION);
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(AppCreated event) {
        AppCredentialsDirectory.put(database, event.apiKey(), event.appId(), event.name(), event.apiSecretHash());
    }

    /** The old key goes first: should the write of the new one fail, no key works rather than a revoked one. */
    @EventHandler
    void on(AppCredentialsRotated event) {
        Document previous = credentials.findOneAndDelete(eq("_id", event.previousApiKey()));
        String name = previous != null ? previous.getString(AppCredentialsDirectory.NAME) : nameOf(event.appId());
        AppCredentialsDirectory.put(database, event.apiKey(), event.appId(), name, event.apiSecretHash());
    }

    /** Only when an earlier rotation failed half-way and left no document to carry the name over from. */
    private String nameOf(long appId) {
        return eventStore.readEvents(String.valueOf(appId), 0).asStream()
                .map(EventMessage::getPayload)
                .filter(AppCreated.class::isInstance)
                .map(created -> ((AppCreated) created).name())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("App " + appId + " has no AppCreated event"));
    }
}
