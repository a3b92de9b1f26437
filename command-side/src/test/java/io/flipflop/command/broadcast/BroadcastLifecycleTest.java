package io.flipflop.command.broadcast;

import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_LIVE;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_LIVE_PREP;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_PREP;
import static io.flipflop.api.streamkey.StreamKeyState.INACTIVE;
import static io.flipflop.api.streamkey.StreamKeyState.INACTIVE_LIVE;
import static io.flipflop.api.videoroom.VideoRoomState.ARCHIVED;
import static io.flipflop.api.videoroom.VideoRoomState.ENDED;
import static io.flipflop.api.videoroom.VideoRoomState.LIVE;
import static io.flipflop.api.videoroom.VideoRoomState.LIVE_INACTIVE;
import static io.flipflop.api.videoroom.VideoRoomState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.RegisterMember;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.api.videoroom.CreateVideoRoomRequest;
import io.flipflop.api.videoroom.InspectVideoRoom;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomEvent;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.command.member.Member;
import io.flipflop.command.member.MemberDirectory;
import io.flipflop.command.streamkey.IngestSettings;
import io.flipflop.command.streamkey.IngestingStreamKeys;
import io.flipflop.command.streamkey.StreamKey;
import io.flipflop.command.streamkey.StreamKeyDirectory;
import io.flipflop.command.streamkey.StreamKeyStrings;
import io.flipflop.command.testsupport.AxonOnMongo;
import io.flipflop.command.videoroom.VideoRoom;
import io.flipflop.command.videoroom.VideoRoomService;
import io.flipflop.command.videoroom.VideoRoomSnapshot;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.eventstore.MongoEventStorageEngine;
import io.flipflop.platform.ids.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broadcast through a real Axon configuration on the MongoDB event store and the embedded MongoDB-wire server:
 * the App API's services, the media worker's commands, the coupling process (a pooled streaming processor) and the
 * key-string directory (subscribing), wired as in the application.
 */
class BroadcastLifecycleTest {

    private static final long APP = 7;
    private static final long OTHER_APP = 8;
    private static final String WORKER = "worker-1";
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @RegisterExtension
    static final AxonOnMongo fixture = new AxonOnMongo();

    private Configuration axon;
    private MemberDirectory members;
    private StreamKeyDirectory keyStrings;
    private IngestingStreamKeys ingesting;
    private VideoRoomService rooms;
    private BroadcastService broadcasts;
    private MediaWorkerCommands worker;
    private IdGenerator ids;
    private long streamKeyId;

    @BeforeEach
    void setUp() {
        start(Duration.ofSeconds(15));
    }

    private void start(Duration lease) {
        MongoDatabase database = fixture.freshDatabase();
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder().findAndAddModules().build()).build();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        ingesting = new IngestingStreamKeys(database);
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureSerializer(c -> serializer)
                .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(
                        CommandOrigin.METADATA_KEY, CommandOrigin.ACTOR_KEY), new MessageOriginProvider()))
                .configureAggregate(Member.class)
                .configureAggregate(StreamKey.class)
                .configureAggregate(VideoRoom.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor("stream-key-directory")
                .registerListenerInvocationErrorHandler("stream-key-directory", c -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessor(BroadcastConfiguration.COUPLING_GROUP)
                .registerListenerInvocationErrorHandler(BroadcastConfiguration.COUPLING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerEventHandler(c -> {
                    keyStrings = new StreamKeyDirectory(database, c.eventStore());
                    return keyStrings;
                })
                .registerEventHandler(c -> ingesting)
                .registerEventHandler(c -> new BroadcastCoupling(new OriginCommands(c.commandGateway())));
        axon = fixture.start(configurer);
        OriginCommands commands = new OriginCommands(axon.commandGateway());
        members = new MemberDirectory(database);
        ids = new IdGenerator(database);
        Owners owners = new Owners(axon.eventStore());
        rooms = new VideoRoomService(commands, members, owners, ids);
        broadcasts = new BroadcastService(commands, members, new StreamKeyStrings());
        worker = new MediaWorkerCommands(commands, new IngestSettings(lease, null));
        streamKeyId = register(APP, "alice");
    }

    @Test
    void aBroadcastGoesFromCreationThroughDropsAndResumesToArchive() {
        VideoRoomSnapshot created = createRoom(APP, "alice");
        long room = created.videoRoomId();
        assertThat(created.state()).isEqualTo(SCHEDULED);
        assertThat(worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block().state()).isEqualTo(ACTIVE_PREP);
        assertThat(worker.startCmafPublish(streamKeyId, WORKER).block().state()).isEqualTo(ACTIVE);

        VideoRoomSnapshot live = broadcasts.goLive(room, APP, null, Origin.app(APP)).block();
        assertThat(live.state()).isEqualTo(LIVE);
        assertThat(keyState()).isEqualTo(ACTIVE_LIVE);

        // the publisher drops
        assertThat(worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block()
                .state()).isEqualTo(INACTIVE_LIVE);
        awaitRoom(room, LIVE_INACTIVE);

        // and comes back: live again as soon as it publishes
        assertThat(worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block().state())
                .isEqualTo(ACTIVE_LIVE_PREP);
        assertThat(roomState(room)).isEqualTo(LIVE_INACTIVE);
        assertThat(worker.startCmafPublish(streamKeyId, WORKER).block().state()).isEqualTo(ACTIVE_LIVE);
        awaitRoom(room, LIVE);

        worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
        awaitRoom(room, LIVE_INACTIVE);

        VideoRoomSnapshot ended = broadcasts.end(room, APP, null, Origin.app(APP)).block();
        assertThat(ended.state()).isEqualTo(ENDED);
        assertThat(keyState()).isEqualTo(INACTIVE);

        // archiving follows the end on its own; the worker's own StartArchive is then a no-op
        await(() -> inspect(room).vodState() == VodState.ARCHIVING);
        assertThat(worker.startArchive(room, WORKER).block().vodState()).isEqualTo(VodState.ARCHIVING);
        VideoRoomSnapshot archived = worker.completeArchive(room, WORKER, "https://vod/" + room + ".m3u8").block();
        assertThat(archived.state()).isEqualTo(ARCHIVED);
        assertThat(archived.vodState()).isEqualTo(VodState.ARCHIVED);
        assertThat(archived.vodUrl()).isEqualTo("https://vod/" + room + ".m3u8");

        assertHistoryIsGapFreeAndLegal(room);
    }

    @Test
    void everyEventNamesWhoCausedIt() {
        long room = createRoom(APP, "alice").videoRoomId();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        broadcasts.goLive(room, APP, null, Origin.app(APP)).block();
        worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
        awaitRoom(room, LIVE_INACTIVE);

        List<String> roomOrigins = events(room).stream()
                .map(event -> event.getMetaData().get(CommandOrigin.METADATA_KEY) + ":"
                        + event.getMetaData().get(CommandOrigin.ACTOR_KEY))
                .toList();
        assertThat(roomOrigins).containsExactly("APP_SERVER:" + APP, "APP_SERVER:" + APP,
                "SYSTEM:broadcast-coupling");
        assertThat(events(streamKeyId).get(1).getMetaData()).containsEntry(CommandOrigin.METADATA_KEY, "WORKER")
                .containsEntry(CommandOrigin.ACTOR_KEY, WORKER);
    }

    @Test
    void forceTerminateEndsTheRoomForciblyReissuesTheKeyAndNothingIsArchived() throws Exception {
        long room = createRoom(APP, "alice").videoRoomId();
        String oldKey = keyString();
        assertThat(keyStrings.find(oldKey)).isPresent();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        broadcasts.goLive(room, APP, null, Origin.app(APP)).block();

        broadcasts.forceTerminate(streamKeyId, APP, Origin.app(APP)).block();

        assertThat(keyState()).isEqualTo(INACTIVE);
        String newKey = keyString();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(keyStrings.find(oldKey)).isEmpty();
        assertThat(keyStrings.find(newKey)).hasValueSatisfying(entry ->
                assertThat(entry.streamKeyId()).isEqualTo(streamKeyId));
        VideoRoomSnapshot terminated = inspect(room);
        assertThat(terminated.state()).isEqualTo(ENDED);
        assertThat(terminated.forciblyTerminated()).isTrue();
        assertThat(ingesting.all()).isEmpty();
        Thread.sleep(500);
        assertThat(events(room)).extracting(DomainEventMessage::getPayload)
                .noneMatch(VideoRoomArchiveStarted.class::isInstance);
        assertThat(inspect(room).vodState()).isEqualTo(VodState.NOT_ARCHIVED);
    }

    @Test
    void forceTerminateOfAKeyThatIsNotIngestingChangesNothing() {
        String key = keyString();
        broadcasts.forceTerminate(streamKeyId, APP, Origin.app(APP)).block();
        assertThat(keyString()).isEqualTo(key);
        assertThat(events(streamKeyId)).hasSize(1);
    }

    @Test
    void aCancelledRoomNeverGoesLive() {
        long room = createRoom(APP, "alice").videoRoomId();
        rooms.cancel(new io.flipflop.api.videoroom.CancelVideoRoom(room, APP, null), Origin.app(APP)).block();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        assertThatThrownBy(() -> broadcasts.goLive(room, APP, null, Origin.app(APP)).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("VIDEO_ROOM_STATE_NOT_SCHEDULED"));
        assertThat(keyState()).isEqualTo(ACTIVE);
    }

    @Test
    void goLiveNeedsAnActiveKey() {
        long room = createRoom(APP, "alice").videoRoomId();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        assertThatThrownBy(() -> broadcasts.goLive(room, APP, null, Origin.app(APP)).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("STREAM_KEY_STATE_NOT_ACTIVE"));
        assertThat(roomState(room)).isEqualTo(SCHEDULED);
    }

    @Test
    void endingWhileStillPublishingAnswersTheRoomsRule() {
        long room = createRoom(APP, "alice").videoRoomId();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        broadcasts.goLive(room, APP, null, Origin.app(APP)).block();
        assertThatThrownBy(() -> broadcasts.end(room, APP, null, Origin.app(APP)).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("VIDEO_ROOM_STATE_NOT_LIVE_INACTIVE"));
    }

    @Test
    void anotherAppsRoomAndKeyAreNotFound() {
        long room = createRoom(APP, "alice").videoRoomId();
        assertThatThrownBy(() -> broadcasts.goLive(room, OTHER_APP, null, Origin.app(OTHER_APP)).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("VIDEO_ROOM_NOT_FOUND"));
        assertThatThrownBy(() -> broadcasts.forceTerminate(streamKeyId, OTHER_APP, Origin.app(OTHER_APP)).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("STREAM_KEY_NOT_FOUND"));
        assertThatThrownBy(() -> broadcasts.forceTerminate(room, APP, Origin.app(APP)).block())
                .as("a room id is no stream key")
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("STREAM_KEY_NOT_FOUND"));
        assertThatThrownBy(() -> rooms.createForMember(OTHER_APP, request("alice")).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void anotherMembersRoomIsNotFoundOnTheMemberApi() {
        long room = createRoom(APP, "alice").videoRoomId();
        long bob = members.find(APP, "bob").map(MemberDirectory.Entry::memberId)
                .orElseGet(() -> { register(APP, "bob"); return members.find(APP, "bob").orElseThrow().memberId(); });
        assertThatThrownBy(() -> broadcasts.goLive(room, APP, bob, Origin.member(bob)).block())
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.errorCode()).isEqualTo("VIDEO_ROOM_NOT_FOUND"));
    }

    @Test
    void aDeadWorkersLeaseExpiresAndTheRoomLosesItsIngest() {
        fixture.shutdownAxon();
        start(Duration.ofMillis(400));
        long room = createRoom(APP, "alice").videoRoomId();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        broadcasts.goLive(room, APP, null, Origin.app(APP)).block();
        for (int i = 0; i < 6; i++) {
            sleep(150);
            worker.renewIngestLease(streamKeyId, WORKER).block();
        }
        assertThat(keyState()).as("renewed in time").isEqualTo(ACTIVE_LIVE);

        await(() -> keyState() == INACTIVE_LIVE);
        awaitRoom(room, LIVE_INACTIVE);
        assertThat(ingesting.all()).isEmpty();
    }

    @Test
    void fiftyConcurrentGoLiveEndAndIngestCommandsLeaveAValidGapFreeHistory() throws Exception {
        long room = createRoom(APP, "alice").videoRoomId();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        Random random = new Random(42);
        List<Callable<Object>> commands = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            commands.add(switch (random.nextInt(6)) {
                case 0 -> () -> broadcasts.goLive(room, APP, null, Origin.app(APP)).block();
                case 1 -> () -> broadcasts.end(room, APP, null, Origin.app(APP)).block();
                case 2 -> () -> worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
                case 3 -> () -> worker.startCmafPublish(streamKeyId, WORKER).block();
                case 4 -> () -> worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED)
                        .block();
                default -> () -> worker.stopIngest(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED)
                        .block();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int refused = 0;
        try {
            for (Future<Object> outcome : pool.invokeAll(commands)) {
                try {
                    outcome.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a refusal names the rule, a lost race the conflict; either way nothing was written
                    assertThat(e.getCause()).isInstanceOfAny(ApiException.class, ConcurrencyException.class);
                    refused++;
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(refused).isLessThan(50);

        awaitConsistent(room);
        assertHistoryIsGapFreeAndLegal(room);
    }

    // ---- the checks

    /** Room and key edges of SPEC §2, written here independently of the production tables. */
    private static final Set<String> ROOM_EDGES = Set.of("SCHEDULED>LIVE", "SCHEDULED>CANCELLED",
            "LIVE>LIVE_INACTIVE", "LIVE_INACTIVE>LIVE", "LIVE_INACTIVE>ENDED", "LIVE>ENDED", "ENDED>ENDED",
            "ENDED>ARCHIVED");
    private static final Set<String> KEY_EDGES = Set.of("INACTIVE>ACTIVE_PREP", "ACTIVE_PREP>INACTIVE",
            "ACTIVE_PREP>ACTIVE", "ACTIVE>INACTIVE", "ACTIVE>ACTIVE_LIVE", "ACTIVE_LIVE>INACTIVE_LIVE",
            "INACTIVE_LIVE>ACTIVE_LIVE_PREP", "ACTIVE_LIVE_PREP>INACTIVE_LIVE", "ACTIVE_LIVE_PREP>ACTIVE_LIVE",
            "INACTIVE_LIVE>INACTIVE", "ACTIVE_LIVE>INACTIVE", "ACTIVE_LIVE_PREP>INACTIVE",
            "INACTIVE>INACTIVE");

    private void assertHistoryIsGapFreeAndLegal(long room) {
        List<? extends DomainEventMessage<?>> roomEvents = events(room);
        List<? extends DomainEventMessage<?>> keyEvents = events(streamKeyId);
        assertGapFree(roomEvents);
        assertGapFree(keyEvents);
        List<String> roomStates = roomEvents.stream().map(e -> ((VideoRoomEvent) e.getPayload()).state().name())
                .toList();
        List<String> keyStates = keyEvents.stream().map(e -> keyStateAfter(e.getPayload()).name()).toList();
        assertLegal(roomStates, ROOM_EDGES);
        assertLegal(keyStates, KEY_EDGES);
    }

    private static void assertGapFree(List<? extends DomainEventMessage<?>> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).getSequenceNumber()).isEqualTo(i);
        }
    }

    /** Only listed edges; the listed self-loops are an archive start (room) and a reissue (key). */
    private static void assertLegal(List<String> states, Set<String> edges) {
        for (int i = 1; i < states.size(); i++) {
            String edge = states.get(i - 1) + ">" + states.get(i);
            assertThat(edges.contains(edge))
                    .as("legal transition " + edge + " in " + states).isTrue();
        }
    }

    /** After the coupling caught up, the room shows what its key does. */
    private void awaitConsistent(long room) {
        await(() -> "room " + roomState(room) + " with key " + keyState(), () -> {
            VideoRoomState roomState = roomState(room);
            StreamKeyState key = keyState();
            return switch (roomState) {
                case SCHEDULED, CANCELLED -> key == INACTIVE || key == ACTIVE_PREP || key == ACTIVE;
                case LIVE -> key == ACTIVE_LIVE;
                case LIVE_INACTIVE -> key == INACTIVE_LIVE || key == ACTIVE_LIVE_PREP;
                case ENDED, ARCHIVED -> key == INACTIVE || key == ACTIVE_PREP || key == ACTIVE;
            };
        });
    }

    // ---- helpers

    private long register(long appId, String appUserId) {
        var entry = members.claim(appId, appUserId, () -> new MemberDirectory.Entry(ids.nextId(), ids.nextId()));
        axon.commandGateway().sendAndWait(new RegisterMember(entry.memberId(), appId, appUserId,
                new MemberProfile(appUserId + " name", null, null, null, null), false, entry.streamKeyId(),
                new StreamKeyStrings().newStreamKey()));
        return entry.streamKeyId();
    }

    private VideoRoomSnapshot createRoom(long appId, String appUserId) {
        return rooms.createForMember(appId, request(appUserId)).block();
    }

    private static CreateVideoRoomRequest request(String appUserId) {
        return new CreateVideoRoomRequest(appUserId, "BROADCAST_RTMP", "Show", null, null,
                Instant.parse("2030-01-01T10:00:00Z"), null, null);
    }

    private VideoRoomSnapshot inspect(long room) {
        return axon.commandGateway().sendAndWait(new InspectVideoRoom(room, APP, null));
    }

    private VideoRoomState roomState(long room) {
        return inspect(room).state();
    }

    private List<? extends DomainEventMessage<?>> events(long aggregateId) {
        return axon.eventStore().readEvents(String.valueOf(aggregateId)).asStream().toList();
    }

    private StreamKeyState keyState() {
        List<? extends DomainEventMessage<?>> events = events(streamKeyId);
        return keyStateAfter(events.get(events.size() - 1).getPayload());
    }

    private String keyString() {
        String key = null;
        for (DomainEventMessage<?> event : events(streamKeyId)) {
            if (event.getPayload() instanceof StreamKeyCreated created) {
                key = created.streamKey();
            } else if (event.getPayload() instanceof StreamKeyForciblyTerminated terminated) {
                key = terminated.streamKey();
            } else if (event.getPayload() instanceof io.flipflop.api.streamkey.StreamKeyReissued reissued) {
                key = reissued.streamKey();
            }
        }
        return key;
    }

    /** Every key event but the creation carries the state after it. */
    private static StreamKeyState keyStateAfter(Object event) {
        if (event instanceof StreamKeyCreated) {
            return INACTIVE;
        }
        try {
            return (StreamKeyState) event.getClass().getMethod("state").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event + " carries no state", e);
        }
    }

    private void awaitRoom(long room, VideoRoomState state) {
        await(() -> roomState(room) == state);
    }

    private static void await(Supplier<Boolean> condition) {
        await(() -> "", condition);
    }

    private static void await(Supplier<String> state, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + SETTLE + ": " + state.get());
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
