package io.flipflop.query.transcoding;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.flipflop.query.readmodel.ReadModelWrites.VERSION;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static io.flipflop.query.readmodel.ReadModelWrites.awaitUnlessStale;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.ACTIVE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.APP_ID;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.CREATED_AT;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.CREATOR_TYPE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.DELETED;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.DESCRIPTION;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.NAME;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.PROFILE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.STATE;
import static io.flipflop.query.transcoding.TranscodingProfileDocuments.TYPE;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppDefaultTranscodingProfileChanged;
import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.SystemTranscodingProfiles;
import io.flipflop.api.transcoding.TranscodingProfileCreated;
import io.flipflop.api.transcoding.TranscodingProfileDeleted;
import java.time.Instant;
import java.util.Arrays;
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
 * Keeps the {@value TranscodingProfileDocuments#COLLECTION} read model: the SYSTEM profiles, written at start (and
 * after a reset) from {@link SystemTranscodingProfiles}, and the apps' profiles from their events, each write
 * guarded by the event's sequence number so a replayed event changes nothing. One collection for both, so a listing
 * of SYSTEM and app profiles is one sorted, paged query. Also {@value TranscodingProfileDocuments#APP_DEFAULTS}, the
 * apps' own default profiles, from which a listing tells which profiles are DEFAULT for the app asking.
 */
@Component
@ProcessingGroup(TranscodingProfileProjection.PROCESSING_GROUP)
public class TranscodingProfileProjection {

    public static final String PROCESSING_GROUP = "transcoding-profiles";

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> appDefaults;
    private final TranscodingProfileDocuments documents;

    public TranscodingProfileProjection(MongoDatabase database, TranscodingProfileDocuments documents) {
        this.profiles = database.getCollection(TranscodingProfileDocuments.COLLECTION);
        this.appDefaults = database.getCollection(TranscodingProfileDocuments.APP_DEFAULTS);
        this.documents = documents;
        prepare();
    }

    @EventHandler
    public void on(TranscodingProfileCreated event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Date at = Date.from(timestamp);
        awaitUnlessStale(profiles.updateOne(olderThan(event.profileId(), sequence), combine(
                set(APP_ID, event.appId()), set(TYPE, event.type().name()),
                set(CREATOR_TYPE, ProfileCreatorType.APP.name()), set(NAME, event.name()),
                set(DESCRIPTION, event.description()), set(PROFILE, documents.toDocument(event.profile())),
                set(STATE, ACTIVE), set(CREATED_AT, at), set(LAST_MODIFIED_AT, at), set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
    }

    /** A deleted profile is no longer its app's default: the system's default of its type is again. */
    @EventHandler
    public void on(TranscodingProfileDeleted event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        await(profiles.updateOne(olderThan(event.profileId(), sequence), combine(set(STATE, DELETED),
                set(LAST_MODIFIED_AT, Date.from(timestamp)), set(VERSION, sequence))));
        await(appDefaults.updateOne(and(eq("_id", event.appId()), eq(event.type().name(), event.profileId())),
                unset(event.type().name())));
    }

    @EventHandler
    public void on(AppDefaultTranscodingProfileChanged event, @SequenceNumber long sequence) {
        String type = event.type().name();
        awaitUnlessStale(appDefaults.updateOne(olderThan(event.appId(), sequence), combine(
                event.profileId() == null ? unset(type) : set(type, event.profileId()), set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
    }

    @ResetHandler
    public void reset() {
        await(profiles.drop());
        await(appDefaults.drop());
        prepare();
    }

    /** The shipped profiles (replaced, so a changed definition shows after a restart) and the listing's indexes. */
    private void prepare() {
        Date definedAt = Date.from(SystemTranscodingProfiles.DEFINED_AT);
        for (SystemTranscodingProfiles.SystemProfile system : SystemTranscodingProfiles.ALL) {
            await(profiles.replaceOne(eq("_id", system.id()), new Document("_id", system.id()).append(APP_ID, null)
                    .append(TYPE, system.type().name()).append(CREATOR_TYPE, ProfileCreatorType.SYSTEM.name())
                    .append(NAME, system.name()).append(DESCRIPTION, system.description())
                    .append(PROFILE, documents.toDocument(system.profile())).append(STATE, ACTIVE)
                    .append(CREATED_AT, definedAt).append(LAST_MODIFIED_AT, definedAt),
                    new ReplaceOptions().upsert(true)));
        }
        Arrays.stream(TranscodingProfileSort.values()).map(TranscodingProfileSort::field).distinct().forEach(field ->
                await(profiles.createIndex(Indexes.ascending(APP_ID, STATE, field, "_id"))));
    }

    private static Bson olderThan(long id, long sequence) {
        return and(eq("_id", id), lt(VERSION, sequence));
    }
}
