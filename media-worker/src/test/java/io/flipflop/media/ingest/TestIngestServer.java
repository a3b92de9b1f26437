package io.flipflop.media.ingest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.flipflop.media.flv.FlvSinkFactory;
import io.flipflop.media.flv.FlvStreams;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.time.Duration;
import org.bson.Document;

/**
 * The RTMP server with its real parts (the key directory in an in-memory MongoDB-wire server, the admission gate,
 * ingest threads) and test stand-ins for the command side and the packager.
 */
final class TestIngestServer implements AutoCloseable {

    final RecordingIngestCommands commands = new RecordingIngestCommands();
    final RecordingSinks sinks = new RecordingSinks();
    final Ingests ingests;
    final RtmpServer server;
    private final EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory();
    private final MongoClient client = MongoClients.create(mongo.connectionString());

    TestIngestServer(RtmpSettings settings, Duration lease) {
        this(settings, lease, null, null);
    }

    /**
     * @param flv      where publishes in mode RTMP or RTMP_CMAF go beside the packager; null for nowhere
     * @param playback RTMP play's admission; null refuses every play
     */
    TestIngestServer(RtmpSettings settings, Duration lease, FlvStreams flv, RtmpPlayback playback) {
        ingests = new Ingests(new StreamKeyLookup(client.getDatabase("flipflop")), commands,
                flv == null ? sinks : new FlvSinkFactory(sinks, flv), "worker-test", lease, settings);
        server = new RtmpServer(settings, ingests, playback);
        server.start();
    }

    /** Fast timeouts, so the robustness tests need not wait ten seconds for each stalled peer. */
    static TestIngestServer start() {
        return new TestIngestServer(new RtmpSettings(true, "127.0.0.1", 0, null, null, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 64, null, null, 2), Duration.ofSeconds(15));
    }

    /** What the command side's directory holds for a key: {@code {_id: key, streamKeyId, appId, memberId}}. */
    void addKey(String streamKey, long streamKeyId) {
        client.getDatabase("flipflop").getCollection(StreamKeyLookup.COLLECTION).insertOne(new Document("_id", streamKey)
                .append("streamKeyId", streamKeyId).append("appId", 1L).append("memberId", 2L));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        client.close();
        mongo.close();
    }
}
