package io.flipflop.command.streamkey;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyReissued;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which stream key a key string is, for the RTMP server's publish check: {@code stream_key_directory},
 * {@code {_id: streamKey, streamKeyId, appId, memberId}}. Kept in the command's thread (subscribing processor,
 * {@link StreamKeyProcessing}), like {@code app_credentials}: a new key works as soon as the member is answered,
 * and a reissued or terminated string is refused before the app hears the call succeeded. The old string goes
 * first, so a failure half way leaves no key working rather than a revoked one. Writes are idempotent.
 */
@Component
@ProcessingGroup(StreamKeyProcessing.PROCESSING_GROUP)
public class StreamKeyDirectory {

    static final String COLLECTION = "stream_key_directory";
    private static final String STREAM_KEY_ID = "streamKeyId";
    private static final String APP_ID = "appId";
    private static final String MEMBER_ID = "memberId";

    /** The key a string names. */
    public record Entry(long streamKeyId, long appId, long memberId) {
    }

    private final MongoCollection<Document> entries;
    private final EventStore eventStore;

    public StreamKeyDirectory(MongoDatabase database, EventStore eventStore) {
        this.entries = database.getCollection(COLLECTION);
        this.eventStore = eventStore;
    }

    /** Blocking. */
    public Optional<Entry> find(String streamKey) {
        return Optional.ofNullable(entries.find(eq("_id", streamKey)).first()).map(StreamKeyDirectory::entry);
    }

    @EventHandler
    void on(StreamKeyCreated event) {
        put(event.streamKey(), new Entry(event.streamKeyId(), event.appId(), event.memberId()));
    }

    @EventHandler
    void on(StreamKeyReissued event) {
        replace(event.streamKeyId(), event.previousStreamKey(), event.streamKey());
    }

    @EventHandler
    void on(StreamKeyForciblyTerminated event) {
        replace(event.streamKeyId(), event.previousStreamKey(), event.streamKey());
    }

    private void replace(long streamKeyId, String previous, String current) {
        Document old = entries.findOneAndDelete(eq("_id", previous));
        put(current, old != null ? entry(old) : created(streamKeyId));
    }

    private void put(String streamKey, Entry entry) {
        entries.replaceOne(eq("_id", streamKey), new Document("_id", streamKey)
                        .append(STREAM_KEY_ID, entry.streamKeyId())
                        .append(APP_ID, entry.appId())
                        .append(MEMBER_ID, entry.memberId()),
                new ReplaceOptions().upsert(true));
    }

    /** Only when an earlier replacement failed half way and left no document to carry the owner over from. */
    private Entry created(long streamKeyId) {
        return eventStore.readEvents(String.valueOf(streamKeyId), 0).asStream()
                .map(EventMessage::getPayload)
                .filter(StreamKeyCreated.class::isInstance)
                .map(StreamKeyCreated.class::cast)
                .map(created -> new Entry(created.streamKeyId(), created.appId(), created.memberId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Stream key " + streamKeyId + " was never created"));
    }

    private static Entry entry(Document doc) {
        return new Entry(doc.getLong(STREAM_KEY_ID), doc.getLong(APP_ID), doc.getLong(MEMBER_ID));
    }
}
