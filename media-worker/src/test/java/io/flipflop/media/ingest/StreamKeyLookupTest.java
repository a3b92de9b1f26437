package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mode of a publish without {@code ?mode=}: the key's own, else the app's default (reference §16). */
class StreamKeyLookupTest {

    private final EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory();
    private final MongoClient client = MongoClients.create(mongo.connectionString());
    private final MongoDatabase database = client.getDatabase("flipflop");
    private final StreamKeyLookup lookup = new StreamKeyLookup(database);

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    @Test
    void aKeyWithoutAModeTakesItsAppsDefault() {
        key("k1", null);
        appMode(1, OutputMode.RTMP);

        assertThat(lookup.find("k1")).get().extracting(StreamKeyLookup.Entry::mode)
                .isEqualTo(Optional.of(OutputMode.RTMP));
    }

    @Test
    void aKeysOwnModeWinsOverItsAppsDefault() {
        key("k1", OutputMode.CMAF);
        appMode(1, OutputMode.RTMP);

        assertThat(lookup.find("k1")).get().extracting(StreamKeyLookup.Entry::mode)
                .isEqualTo(Optional.of(OutputMode.CMAF));
    }

    @Test
    void neitherKeyNorAppModeLeavesTheModeOpen() {
        key("k1", null);
        appMode(2, OutputMode.RTMP_CMAF);

        assertThat(lookup.find("k1")).get().extracting(StreamKeyLookup.Entry::mode).isEqualTo(Optional.empty());
        assertThat(lookup.find("unknown")).isEmpty();
    }

    private void key(String streamKey, OutputMode mode) {
        database.getCollection(StreamKeyLookup.COLLECTION).insertOne(new Document("_id", streamKey)
                .append("streamKeyId", 7L).append("appId", 1L).append("memberId", 2L)
                .append("mode", mode == null ? null : mode.name()));
    }

    private void appMode(long appId, OutputMode mode) {
        database.getCollection(StreamKeyLookup.APP_OUTPUT_MODES)
                .insertOne(new Document("_id", appId).append("mode", mode.name()));
    }
}
