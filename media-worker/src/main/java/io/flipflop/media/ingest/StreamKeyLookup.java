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
 * unknown, reissued and terminated keys alike. Blocking (the synchronous driver): call it off the event loop.
 */
@Component
public class StreamKeyLookup {

    static final String COLLECTION = "stream_key_directory";

    /** The key a publish name names, and its own output mode when it has one. */
    public record Entry(long streamKeyId, long appId, long memberId, Optional<OutputMode> mode) {
    }

    private final MongoCollection<Document> entries;

    public StreamKeyLookup(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
    }

    public Optional<Entry> find(String streamKey) {
        return Optional.ofNullable(entries.find(eq("_id", streamKey)).first())
                .map(doc -> new Entry(doc.getLong("streamKeyId"), doc.getLong("appId"), doc.getLong("memberId"),
                        Optional.ofNullable(doc.getString("mode")).map(OutputMode::valueOf)));
    }
}
