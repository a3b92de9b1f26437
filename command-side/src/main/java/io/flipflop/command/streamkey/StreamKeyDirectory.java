package io.flipflop.command.streamkey;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyModeChanged;
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
 * {@code {_id: streamKey, streamKeyId, appId, memberId, mode}} ({@code mode} the key's own output mode, null when
 * it has none). Kept in the command's thread (subscribing processor,
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
    private static final String MODE = "mode";

    /** The key a string names; {@code mode} null when the key has no mode of its own. */
    public record Entry(long streamKeyId, long appId, long memberId, OutputMode mode) {
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
        put(event.streamKey(), new Entry(event.streamKeyId(), event.appId(), event.memberId(), null));
    }

    @EventHandler
    void on(StreamKeyModeChanged event) {
        entries.updateOne(eq(STREAM_KEY_ID, event.streamKeyId()),
                Updates.set(MODE, event.mode() == null ? null : event.mode().name()));
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
                        .append(MEMBER_ID, entry.memberId())
                        .append(MODE, entry.mode() == null ? null : entry.mode().name()),
                new ReplaceOptions().upsert(true));
    }

    /** Only when an earlier replacement failed half way and left no document to carry the owner over from. */
    private Entry created(long streamKeyId) {
        Entry entry = null;
        for (Object event : eventStore.readEvents(String.valueOf(streamKeyId), 0).asStream()
                .map(EventMessage::getPayload).toList()) {
            if (event instanceof StreamKeyCreated created) {
                entry = new Entry(created.streamKeyId(), created.appId(), created.memberId(), null);
            } else if (event instanceof StreamKeyModeChanged changed && entry != null) {
                entry = new Entry(entry.streamKeyId(), entry.appId(), entry.memberId(), changed.mode());
            }
        }
        if (entry == null) {
            throw new IllegalStateException("Stream key " + streamKeyId + " was never created");
        }
        return entry;
    }

    private static Entry entry(Document doc) {
        String mode = doc.getString(MODE);
        return new Entry(doc.getLong(STREAM_KEY_ID), doc.getLong(APP_ID), doc.getLong(MEMBER_ID),
                mode == null ? null : OutputMode.valueOf(mode));
    }
}
