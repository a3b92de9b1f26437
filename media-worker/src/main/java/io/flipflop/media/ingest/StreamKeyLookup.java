package io.flipflop.media.ingest;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.streamkey.OutputMode;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads which stream key a publish name is from {@code stream_key_directory}, the collection the command side
 * keeps in the same transaction as the key's events ({@code {_id: streamKey, streamKeyId, appId, memberId, mode}}). A
 * reissued or terminated key string is removed from it before the app hears of the change, so "not found" covers
 * unknown, reissued and terminated keys alike. The app's default output mode comes from {@code app_output_modes}
 * ({@code {_id: appId, mode}}, kept by the command side the same way), read only when the key has no mode of its
 * own. Blocking (the synchronous driver): call it off the event loop.
 */
@Component
public class StreamKeyLookup {

    static final String COLLECTION = "stream_key_directory";
    static final String APP_OUTPUT_MODES = "app_output_modes";
    private static final String MODE = "mode";

    /**
     * The key a publish name names, and the output mode of its publishes without {@code ?mode=}: the key's own
     * mode, else its app's default; empty when neither was ever set (CMAF then).
     */
    public record Entry(long streamKeyId, long appId, long memberId, Optional<OutputMode> mode) {
    }

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> appModes;

    public StreamKeyLookup(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        this.appModes = database.getCollection(APP_OUTPUT_MODES);
    }

    public Optional<Entry> find(String streamKey) {
        return Optional.ofNullable(entries.find(eq("_id", streamKey)).first()).map(doc -> {
            long appId = doc.getLong("appId");
            Optional<OutputMode> mode = mode(doc).or(() -> mode(appModes.find(eq("_id", appId)).first()));
            return new Entry(doc.getLong("streamKeyId"), appId, doc.getLong("memberId"), mode);
        });
    }

    private static Optional<OutputMode> mode(Document doc) {
        return Optional.ofNullable(doc).map(d -> d.getString(MODE)).map(OutputMode::valueOf);
    }
}
