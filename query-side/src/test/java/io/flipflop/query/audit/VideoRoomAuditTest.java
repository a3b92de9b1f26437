package io.flipflop.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static io.flipflop.query.testsupport.ControllerTestClient.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.flipflop.api.audit.AuditedEvent;
import io.flipflop.api.audit.AuditedStream;
import io.flipflop.api.audit.ChainVerification;
import io.flipflop.api.audit.VideoRoomStateAt;
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
import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomUpdated;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.eventstore.MongoEventStorageEngine;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import io.flipflop.platform.security.AuthenticatedApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit against the real event storage engine on a real MongoDB-wire server. The command side is not a
 * dependency of this module, so the room's broadcast is appended as the aggregates would record it: the events
 * with the origin metadata that Axon copies from the commands.
 */
class VideoRoomAuditTest {

    private static final long SPORTY = 1;
    private static final long ROOM = 100;
    private static final long NEXT_ROOM = 101;
    private static final long KEY = 200;
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private final EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoDatabase database = client.getDatabase("audit-" + UUID.randomUUID());
    // Batches of 3 make every read below span several aggregate loads.
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
            .eventSerializer(serializer()).snapshotSerializer(serializer()).batchSize(3).build();
    private final VideoRoomAudit audit = new VideoRoomAudit(engine);

    @BeforeEach
    void aRoomWasBroadcastOnItsOwnersKeyAndTheKeyServedAnotherRoomLater() {
        engine.ensureIndexes();
        onKey(0, T0.minus(Duration.ofDays(1)), new StreamKeyCreated(KEY, SPORTY, 7, "live_abc"),
                CommandOrigin.APP_SERVER, "1");
        onRoom(0, T0, created(ROOM), CommandOrigin.APP_SERVER, "1");
        onRoom(1, at(1), new VideoRoomUpdated(ROOM, VideoRoomState.SCHEDULED, details("Final")),
                CommandOrigin.MEMBER, "7");
        onKey(1, at(2), new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "worker-1", OutputMode.CMAF, null),
                CommandOrigin.WORKER, "worker-1");
        onKey(2, at(3), new CmafPublishStarted(KEY, StreamKeyState.ACTIVE, "worker-1", null),
                CommandOrigin.WORKER, "worker-1");
        onKey(3, at(4), new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM), CommandOrigin.APP_SERVER, "1");
        onRoom(2, at(4).plusMillis(1), new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY),
                CommandOrigin.APP_SERVER, "1");
        onKey(4, at(5), new CmafPublishStopped(KEY, StreamKeyState.INACTIVE_LIVE, "worker-1",
                IngestStopReason.PUBLISHER_DISCONNECTED, ROOM), CommandOrigin.WORKER, "worker-1");
        onRoom(3, at(5).plusMillis(1), new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY),
                CommandOrigin.SYSTEM, "broadcast-coupling");
        onKey(5, at(6), new StreamKeyBroadcastEnded(KEY, StreamKeyState.INACTIVE, ROOM), CommandOrigin.APP_SERVER,
                "1");
        onRoom(4, at(6).plusMillis(1), new VideoRoomBroadcastEnded(ROOM, VideoRoomState.ENDED, KEY),
                CommandOrigin.APP_SERVER, "1");
        onRoom(5, at(7), new VideoRoomArchiveStarted(ROOM, VideoRoomState.ENDED, VodState.ARCHIVING),
                CommandOrigin.SYSTEM, "archiver");
        onRoom(0, at(8), created(NEXT_ROOM), CommandOrigin.APP_SERVER, "1");
        onKey(6, at(9), new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, NEXT_ROOM), CommandOrigin.MEMBER,
                "7");
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void theHistoryIsTheRoomsEventsWithItsKeysBroadcastEventsAndWhoCausedEach() {
        List<AuditedEvent> history = audit.history(SPORTY, ROOM).block().events();

        assertThat(history).extracting(AuditedEvent::type).containsExactly("VideoRoomCreated", "VideoRoomUpdated",
                "StreamKeyWentLive", "VideoRoomWentLive", "CmafPublishStopped", "VideoRoomIngestLost",
                "StreamKeyBroadcastEnded", "VideoRoomBroadcastEnded", "VideoRoomArchiveStarted");
        assertThat(history).extracting(AuditedEvent::timestamp).isSorted();
        assertThat(history.get(1)).extracting(AuditedEvent::stream, AuditedEvent::aggregateId,
                        AuditedEvent::sequence, AuditedEvent::origin, AuditedEvent::actor)
                .containsExactly(AuditedStream.VIDEO_ROOM, ROOM, 1L, CommandOrigin.MEMBER, "7");
        assertThat(history.get(4)).extracting(AuditedEvent::stream, AuditedEvent::aggregateId,
                        AuditedEvent::sequence, AuditedEvent::origin, AuditedEvent::actor)
                .containsExactly(AuditedStream.STREAM_KEY, KEY, 4L, CommandOrigin.WORKER, "worker-1");
        assertThat(history.get(0).previousHash()).isNull();
        assertThat(history.get(1).previousHash()).hasSize(64);
    }

    @Test
    void theHistoryAnswersPayloadsAsJson() {
        as(new AuthenticatedApp(SPORTY, "Sporty"), new VideoRoomAuditController(audit))
                .get().uri("/v2/apps/me/audit/video-rooms/{id}/events", ROOM).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.videoRoomId").isEqualTo(ROOM)
                .jsonPath("$.events[1].type").isEqualTo("VideoRoomUpdated")
                .jsonPath("$.events[1].payload.details.title").isEqualTo("Final")
                .jsonPath("$.events[1].timestamp").isEqualTo("2026-11-28T10:01:00Z")
                .jsonPath("$.events[1].origin").isEqualTo("MEMBER")
                .jsonPath("$.events[2].stream").isEqualTo("STREAM_KEY");
    }

    @Test
    void theStateAtAnInstantIsReplayedUpToTheLastEventAtOrBeforeIt() {
        VideoRoomStateAt scheduled = audit.stateAt(SPORTY, ROOM, at(3)).block();
        assertThat(scheduled.videoRoomState()).isEqualTo(VideoRoomState.SCHEDULED);
        assertThat(scheduled.title()).isEqualTo("Final");
        assertThat(scheduled.accessLevel()).isEqualTo(AccessLevel.PUBLIC);
        assertThat(scheduled.streamKeyId()).isEqualTo(KEY);
        assertThat(scheduled.liveStartedAt()).isNull();
        assertThat(scheduled.lastSequence()).isEqualTo(1);
        assertThat(scheduled.lastEventAt()).isEqualTo(at(1));

        VideoRoomStateAt lost = audit.stateAt(SPORTY, ROOM, at(5).plusMillis(1)).block();
        assertThat(lost.videoRoomState()).isEqualTo(VideoRoomState.LIVE_INACTIVE);
        assertThat(lost.liveStartedAt()).isEqualTo(at(4).plusMillis(1));
        assertThat(lost.lastSequence()).isEqualTo(3);

        VideoRoomStateAt after = audit.stateAt(SPORTY, ROOM, at(60)).block();
        assertThat(after).isEqualTo(new VideoRoomStateAt(ROOM, at(60), VideoRoomState.ENDED, VodState.ARCHIVING,
                AccessLevel.PUBLIC, "Final", KEY, false, false, at(4).plusMillis(1), at(6).plusMillis(1), 5, at(7)));
    }

    @Test
    void beforeItsFirstEventTheRoomDidNotExist() {
        assertThatThrownBy(() -> audit.stateAt(SPORTY, ROOM, T0.minusMillis(1)).block())
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("VIDEO_ROOM_NOT_FOUND"));
        assertThat(audit.stateAt(SPORTY, ROOM, T0).block().videoRoomState()).isEqualTo(VideoRoomState.SCHEDULED);
    }

    @Test
    void anInstantThatIsNotIsoAnswers400() {
        as(new AuthenticatedApp(SPORTY, "Sporty"), new VideoRoomAuditController(audit))
                .get().uri("/v2/apps/me/audit/video-rooms/{id}/state?at=yesterday", ROOM).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_INSTANT");
    }

    @Test
    void anUntouchedRoomVerifies() {
        assertThat(audit.verify(SPORTY, ROOM).block()).isEqualTo(new ChainVerification(true, 6, null));
    }

    @Test
    void aPayloadChangedInTheDatabaseFailsVerificationAtThatEvent() {
        database.getCollection(MongoEventStorageEngine.EVENTS_COLLECTION).updateOne(eq("k", ROOM + "/2"),
                Updates.set("payload", "{\"videoRoomId\":100,\"state\":\"LIVE\",\"streamKeyId\":999}"));

        assertThat(audit.verify(SPORTY, ROOM).block()).isEqualTo(new ChainVerification(false, 3, 2L));
        as(new AuthenticatedApp(SPORTY, "Sporty"), new VideoRoomAuditController(audit))
                .get().uri("/v2/apps/me/audit/video-rooms/{id}/verify", ROOM).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.firstBrokenSequence").isEqualTo(2);
    }

    @Test
    void anotherAppsRoomIsNotFoundOnEveryAuditEndpoint() {
        WebTestClient otherApp = as(new AuthenticatedApp(2, "Other"), new VideoRoomAuditController(audit));
        for (String path : List.of("events", "state?at=2026-11-28T10:30:00Z", "verify")) {
            otherApp.get().uri("/v2/apps/me/audit/video-rooms/" + ROOM + "/" + path).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        }
    }

    @Test
    void anIdThatIsNoRoomIsNotFound() {
        WebTestClient sporty = as(new AuthenticatedApp(SPORTY, "Sporty"), new VideoRoomAuditController(audit));
        for (long id : new long[] {KEY, 999}) {
            sporty.get().uri("/v2/apps/me/audit/video-rooms/" + id + "/events").exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        }
    }

    private void onRoom(long sequence, Instant at, Object event, CommandOrigin origin, String actor) {
        long room = event instanceof VideoRoomCreated created ? created.videoRoomId() : ROOM;
        append("VideoRoom", room, sequence, at, event, origin, actor);
    }

    private void onKey(long sequence, Instant at, Object event, CommandOrigin origin, String actor) {
        append("StreamKey", KEY, sequence, at, event, origin, actor);
    }

    private void append(String type, long aggregate, long sequence, Instant at, Object event, CommandOrigin origin,
                        String actor) {
        engine.appendEvents(new GenericDomainEventMessage<>(type, String.valueOf(aggregate), sequence, event,
                Map.of(CommandOrigin.METADATA_KEY, origin.name(), CommandOrigin.ACTOR_KEY, actor),
                UUID.randomUUID().toString(), at));
    }

    private static VideoRoomCreated created(long room) {
        return new VideoRoomCreated(room, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, SPORTY, 7, "alice", KEY,
                VideoRoomType.BROADCAST_RTMP, details("Draft"), T0.plus(Duration.ofHours(1)), "uuid-" + room,
                CreatorType.APP, SPORTY);
    }

    private static VideoRoomDetails details(String title) {
        return new VideoRoomDetails(title, null, AccessLevel.PUBLIC, null, null);
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** As the platform configures Axon's event serializer: Jackson with Spring Boot's modules (java.time). */
    private static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();
    }
}
