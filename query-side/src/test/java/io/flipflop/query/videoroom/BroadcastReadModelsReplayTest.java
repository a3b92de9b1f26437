package io.flipflop.query.videoroom;

import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberAllowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberDisallowedOnVideoRoom;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.query.readmodel.ReadModelProcessing;
import io.flipflop.query.readmodel.ReadModelWrites;
import io.flipflop.query.relationship.RelationshipProjection;
import io.flipflop.query.streamkey.StreamKeyViewProjection;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broadcast read models driven by Axon itself, as in production: streaming processors of two segments feed
 * the stream key, video room and relationship projections a whole broadcast (with member events on other
 * streams, so other segments), and a token reset replays it through the reset handlers into identical documents.
 */
class BroadcastReadModelsReplayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final List<String> COLLECTIONS = List.of("stream_keys", "stream_key_members", "video_rooms",
            "video_room_uuids", "follows", "friends", "relationship_deleted_members");

    private final TestDatabases databases = new TestDatabases();
    private final MongoDatabase database = databases.fresh();
    private Configuration axon;
    private int appended;

    @AfterEach
    void stop() {
        axon.shutdown();
        databases.close();
    }

    @Test
    void resettingTheProcessorsReplaysABroadcastIntoIdenticalReadModels() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(configuration -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((axon, processor) -> processor.initialSegmentCount(2))
                .registerEventHandler(configuration -> new StreamKeyViewProjection(database))
                .registerEventHandler(configuration -> new VideoRoomViewProjection(database))
                .registerEventHandler(configuration -> new RelationshipProjection(database));
        new ReadModelProcessing().configureModule(configurer);
        axon = configurer.start();
        axon.eventStore().publish(List.of(
                event("Member", 1, 0, new MemberRegistered(1, 100, "alice", MemberProfile.EMPTY, false, 2L)),
                event("StreamKey", 2, 0, new StreamKeyCreated(2, 100, 1, "sk-1")),
                event("Member", 3, 0, new MemberRegistered(3, 100, "bob", MemberProfile.EMPTY, false, 4L)),
                event("StreamKey", 4, 0, new StreamKeyCreated(4, 100, 3, "sk-bob")),
                event("Member", 3, 1, new FollowingAdded(3, 100, "bob", 1, "alice")),
                event("VideoRoom", 50, 0, new VideoRoomCreated(50, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED,
                        100, 1, "alice", 2L, VideoRoomType.BROADCAST_RTMP,
                        new VideoRoomDetails("Run", null, AccessLevel.FOLLOWER, null, null), T, "uuid-50",
                        CreatorType.MEMBER, 1)),
                event("VideoRoom", 50, 1, new MemberAllowedOnVideoRoom(50, VideoRoomState.SCHEDULED, 100, 3, "bob")),
                event("VideoRoom", 50, 2, new MemberAllowedOnVideoRoom(50, VideoRoomState.SCHEDULED, 100, 5, "eve")),
                event("VideoRoom", 50, 3, new MemberDisallowedOnVideoRoom(50, VideoRoomState.SCHEDULED, 100, 5,
                        "eve")),
                event("StreamKey", 2, 1, new IngestStarted(2, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF,
                        null)),
                event("StreamKey", 2, 2, new CmafPublishStarted(2, StreamKeyState.ACTIVE, "w1", null)),
                event("StreamKey", 2, 3, new StreamKeyWentLive(2, StreamKeyState.ACTIVE_LIVE, 50)),
                event("VideoRoom", 50, 4, new VideoRoomWentLive(50, VideoRoomState.LIVE, 2)),
                event("Member", 1, 1, new MemberProfileUpdated(1, 100,
                        new MemberProfile("Alice", null, null, null, null))),
                event("StreamKey", 2, 4, new CmafPublishStopped(2, StreamKeyState.INACTIVE_LIVE, "w1",
                        IngestStopReason.PUBLISHER_DISCONNECTED, 50L)),
                event("VideoRoom", 50, 5, new VideoRoomIngestLost(50, VideoRoomState.LIVE_INACTIVE, 2)),
                event("StreamKey", 2, 5, new StreamKeyBroadcastEnded(2, StreamKeyState.INACTIVE, 50)),
                event("VideoRoom", 50, 6, new VideoRoomBroadcastEnded(50, VideoRoomState.ENDED, 2)),
                event("VideoRoom", 50, 7, new VideoRoomArchived(50, VideoRoomState.ARCHIVED, VodState.ARCHIVED,
                        "https://vod/50")),
                event("Member", 3, 2, new MemberDeleted(3, 100, "bob"))));

        // Only the whole history gives these documents: the last event of each stream changes them.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(documents(database, "stream_keys")).filteredOn("_id", 2L).singleElement().satisfies(key -> {
                assertThat(key.getString("streamKeyState")).isEqualTo("INACTIVE");
                assertThat(key.getString("appUserName")).isEqualTo("Alice");
            });
            assertThat(documents(database, "video_rooms")).singleElement()
                    .satisfies(room -> {
                        assertThat(room.getString("vodUrl")).isEqualTo("https://vod/50");
                        assertThat(room.getList("allowlist", Long.class)).containsExactly(3L);
                    });
            assertThat(documents(database, "follows")).singleElement()
                    .satisfies(follow -> assertThat(follow.getBoolean("memberDeleted")).isTrue());
        });
        Map<String, List<Document>> built = readModels();

        ReadModelWrites.await(database.getCollection("video_rooms").insertOne(new Document("_id", 999L)));
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModelProcessing.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(readModels()).isEqualTo(built));
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> models = new LinkedHashMap<>();
        COLLECTIONS.forEach(collection -> models.put(collection, documents(database, collection)));
        return models;
    }

    private GenericDomainEventMessage<?> event(String type, long aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, String.valueOf(aggregateId), sequence, payload, Map.of(),
                UUID.randomUUID().toString(), T.plusSeconds(appended++));
    }
}
