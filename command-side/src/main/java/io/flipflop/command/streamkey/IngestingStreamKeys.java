package io.flipflop.command.streamkey;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The keys whose ingest is running, {@code ingesting_stream_keys}: {@code {_id: streamKeyId, workerId, mode}}
 * (the mode decides whether a live room answers an HTTP-FLV play URL). Lease
 * deadlines live in memory; after a restart {@link IngestLeaseRearming} re-arms one for each key listed here, so
 * no key stays ACTIVE forever. Kept in the command's thread ({@link StreamKeyProcessing}); idempotent writes.
 */
@Component
@ProcessingGroup(StreamKeyProcessing.PROCESSING_GROUP)
public class IngestingStreamKeys {

    static final String COLLECTION = "ingesting_stream_keys";
    private static final String WORKER_ID = "workerId";
    private static final String MODE = "mode";

    /** A running ingest: the key and the worker that holds it. */
    public record Ingest(long streamKeyId, String workerId) {
    }

    private final MongoCollection<Document> ingests;

    public IngestingStreamKeys(MongoDatabase database) {
        this.ingests = database.getCollection(COLLECTION);
    }

    public List<Ingest> all() {
        List<Ingest> all = new ArrayList<>();
        ingests.find().forEach(doc -> all.add(new Ingest(doc.getLong("_id"), doc.getString(WORKER_ID))));
        return all;
    }

    /** The output mode of the key's running ingest; empty when it is not ingesting. */
    public Optional<OutputMode> mode(long streamKeyId) {
        return Optional.ofNullable(ingests.find(eq("_id", streamKeyId)).first())
                .map(doc -> doc.getString(MODE)).map(OutputMode::valueOf);
    }

    /** For an entry whose key is no longer ingesting (its stop was not recorded here). */
    public void forget(long streamKeyId) {
        ingests.deleteOne(eq("_id", streamKeyId));
    }

    @EventHandler
    void on(IngestStarted event) {
        ingests.replaceOne(eq("_id", event.streamKeyId()),
                new Document("_id", event.streamKeyId()).append(WORKER_ID, event.workerId())
                        .append(MODE, event.mode().name()),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(IngestStopped event) {
        forget(event.streamKeyId());
    }

    @EventHandler
    void on(CmafPublishStopped event) {
        forget(event.streamKeyId());
    }

    @EventHandler
    void on(StreamKeyForciblyTerminated event) {
        forget(event.streamKeyId());
    }
}
