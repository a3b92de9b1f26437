package io.flipflop.command.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.api.videoroom.CreateVideoRoom;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomIngestResumed;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.command.videoroom.VideoRoom;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coupling handler against real room aggregates: each key event becomes the room's matching command, and a
 * second delivery of the same event (redelivery after a crash, or a race with the synchronous path) changes
 * nothing.
 */
class BroadcastCouplingTest {

    private static final long ROOM = 500;
    private static final long KEY = 101;
    private static final String WORKER = "worker-1";

    private Configuration axon;
    private BroadcastCoupling coupling;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(
                        CommandOrigin.METADATA_KEY, CommandOrigin.ACTOR_KEY)))
                .configureAggregate(VideoRoom.class)
                .start();
        coupling = new BroadcastCoupling(new OriginCommands(axon.commandGateway()));
        axon.commandGateway().sendAndWait(new CreateVideoRoom(ROOM, 7, 100, "alice", KEY,
                VideoRoomType.BROADCAST_RTMP, new VideoRoomDetails("Show", null, AccessLevel.PUBLIC, null, null),
                Instant.parse("2030-01-01T10:00:00Z"), "uuid-1", CreatorType.APP, 7));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    @Test
    void theRoomGoesLiveWhenItsKeyWentLiveForIt() {
        deliverTwice(() -> coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM)));
        assertThat(roomEvents()).containsExactly(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY));
    }

    @Test
    void theRoomLosesItsIngestWhenTheKeyBecomesInactiveLiveAndRegainsItOnResume() {
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        deliverTwice(() -> coupling.on(new CmafPublishStopped(KEY, StreamKeyState.INACTIVE_LIVE, WORKER,
                IngestStopReason.PUBLISHER_DISCONNECTED, ROOM)));
        deliverTwice(() -> coupling.on(new CmafPublishStarted(KEY, StreamKeyState.ACTIVE_LIVE, WORKER, ROOM)));
        assertThat(roomEvents()).containsExactly(
                new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY),
                new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY),
                new VideoRoomIngestResumed(ROOM, VideoRoomState.LIVE, KEY));
    }

    @Test
    void aResumedIngestThatStopsBeforePublishingLeavesTheRoomInactive() {
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        coupling.on(new CmafPublishStopped(KEY, StreamKeyState.INACTIVE_LIVE, WORKER,
                IngestStopReason.PUBLISHER_DISCONNECTED, ROOM));
        coupling.on(new IngestStopped(KEY, StreamKeyState.INACTIVE_LIVE, WORKER, IngestStopReason.LEASE_EXPIRED,
                ROOM));
        assertThat(roomEvents()).last().isEqualTo(new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY));
        assertThat(roomEvents()).hasSize(2);
    }

    @Test
    void anEndedBroadcastEndsTheRoomEvenIfItHadNotFollowedTheLostIngestAndArchivingStarts() {
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        deliverTwice(() -> coupling.on(new StreamKeyBroadcastEnded(KEY, StreamKeyState.INACTIVE, ROOM)));
        deliverTwice(() -> coupling.on(new VideoRoomBroadcastEnded(ROOM, VideoRoomState.ENDED, KEY)));
        assertThat(roomEvents()).containsExactly(
                new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY),
                new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY),
                new VideoRoomBroadcastEnded(ROOM, VideoRoomState.ENDED, KEY),
                new VideoRoomArchiveStarted(ROOM, VideoRoomState.ENDED, VodState.ARCHIVING));
    }

    @Test
    void aForceTerminatedKeyEndsItsRoomForcibly() {
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        deliverTwice(() -> coupling.on(new StreamKeyForciblyTerminated(KEY, StreamKeyState.INACTIVE,
                StreamKeyState.ACTIVE_LIVE, WORKER, ROOM, "old", "new")));
        assertThat(roomEvents()).containsExactly(
                new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY),
                new VideoRoomForciblyTerminated(ROOM, VideoRoomState.ENDED, KEY));
    }

    @Test
    void aStaleEventAfterTheRoomMovedOnIsIgnored() {
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        coupling.on(new StreamKeyForciblyTerminated(KEY, StreamKeyState.INACTIVE, StreamKeyState.ACTIVE_LIVE, WORKER,
                ROOM, "old", "new"));
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        coupling.on(new CmafPublishStarted(KEY, StreamKeyState.ACTIVE_LIVE, WORKER, ROOM));
        assertThat(roomEvents()).hasSize(2);
    }

    @Test
    void theCouplingsCommandsAreRecordedAsTheSystems() {
        coupling.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        EventMessage<?> wentLive = axon.eventStore().readEvents(String.valueOf(ROOM)).asStream()
                .reduce((first, second) -> second).orElseThrow();
        assertThat(wentLive.getMetaData()).containsEntry(CommandOrigin.METADATA_KEY, "SYSTEM")
                .containsEntry(CommandOrigin.ACTOR_KEY, "broadcast-coupling");
    }

    private static void deliverTwice(Runnable delivery) {
        delivery.run();
        delivery.run();
    }

    /** The room's events after its creation. */
    private List<Object> roomEvents() {
        return axon.eventStore().readEvents(String.valueOf(ROOM)).asStream()
                .<Object>map(EventMessage::getPayload)
                .skip(1)
                .toList();
    }
}
