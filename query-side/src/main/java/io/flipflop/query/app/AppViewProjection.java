package io.flipflop.query.app;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.app.AppDocuments.ACTIVE;
import static io.flipflop.query.app.AppDocuments.API_KEY;
import static io.flipflop.query.app.AppDocuments.CREATED_AT;
import static io.flipflop.query.app.AppDocuments.DEFAULT_RTMP_OUTPUT_MODE;
import static io.flipflop.query.app.AppDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.app.AppDocuments.NAME;
import static io.flipflop.query.app.AppDocuments.OWNER_USER_ID;
import static io.flipflop.query.app.AppDocuments.STATE;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.api.app.AppDefaultRtmpOutputModeChanged;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@value AppDocuments#COLLECTION} read model in step with the App events. Times are the events'
 * own, so a replay rebuilds the very same documents.
 */
@Component
@ProcessingGroup(AppViewProjection.PROCESSING_GROUP)
public class AppViewProjection {

    public static final String PROCESSING_GROUP = "apps";

    private final MongoCollection<Document> apps;

    public AppViewProjection(MongoDatabase database) {
        this.apps = database.getCollection(AppDocuments.COLLECTION);
        createIndexes();
    }

    @EventHandler
    public void on(AppCreated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Date at = Date.from(timestamp);
        awaitUnlessStale(apps.updateOne(olderThan(event.appId(), sequence),
                combine(set(OWNER_USER_ID, event.ownerUserId()), set(NAME, event.name()),
                        set(API_KEY, event.apiKey()), set(STATE, ACTIVE), set(CREATED_AT, at),
                        set(LAST_MODIFIED_AT, at), set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
    }

    @EventHandler
    public void on(AppCredentialsRotated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        await(apps.updateOne(olderThan(event.appId(), sequence),
                combine(set(API_KEY, event.apiKey()), set(LAST_MODIFIED_AT, Date.from(timestamp)),
                        set(VERSION, sequence))));
    }

    @EventHandler
    public void on(AppDefaultRtmpOutputModeChanged event, @SequenceNumber long sequence,
                   @Timestamp Instant timestamp) {
        await(apps.updateOne(olderThan(event.appId(), sequence),
                combine(set(DEFAULT_RTMP_OUTPUT_MODE, event.mode().name()),
                        set(LAST_MODIFIED_AT, Date.from(timestamp)), set(VERSION, sequence))));
    }

    /** A replay starts from an empty collection, so what it builds depends on the events alone. */
    @ResetHandler
    public void reset() {
        await(apps.drop());
        createIndexes();
    }

    private static Bson olderThan(long appId, long sequence) {
        return and(eq("_id", appId), lt(VERSION, sequence));
    }

    /** For a real MongoDB; the embedded server ignores secondary indexes and scans (STACK-FACTS). */
    private void createIndexes() {
        await(apps.createIndex(Indexes.compoundIndex(Indexes.ascending(OWNER_USER_ID),
                Indexes.descending(CREATED_AT, "_id"))));
    }
}
