package io.flipflop.query.eventsource;

import static io.flipflop.query.testsupport.ControllerTestClient.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.platform.security.AuthenticatedMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The event source end to end within the query side: relay (as the processor calls it), hub and controller. */
class MemberEventSourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final MemberAddress ALICE = new MemberAddress(100, 1);
    private static final MemberAddress BOB = new MemberAddress(100, 3);
    private static final MemberAddress ALICE_ID_IN_ANOTHER_APP = new MemberAddress(200, 1);
    private static final long KEY = 2;
    private static final long ROOM = 50;

    private static final PlaybackUrls URLS = PlaybackUrls.at("https://media.example", "rtmp://media.example/live");

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final MemberEventHub hub = new MemberEventHub();
    private final ConsoleEventHub console = new ConsoleEventHub();
    private final MemberEventRelay relay = new MemberEventRelay(hub, console, new StreamOwners(eventStore), URLS);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void keyAndRoomChangesReachTheOwnerOnly() {
        List<MemberSignal> alice = new CopyOnWriteArrayList<>();
        List<MemberSignal> bob = new CopyOnWriteArrayList<>();
        List<MemberSignal> otherApp = new CopyOnWriteArrayList<>();
        Disposable connections = Flux.merge(hub.subscribe(ALICE).doOnNext(alice::add),
                hub.subscribe(BOB).doOnNext(bob::add),
                hub.subscribe(ALICE_ID_IN_ANOTHER_APP).doOnNext(otherApp::add)).subscribe();

        relay.on(new StreamKeyCreated(KEY, 100, 1, "sk-1"));
        relay.on(roomCreated());
        relay.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null));
        relay.on(new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY));
        relay.on(new VideoRoomForciblyTerminated(ROOM, VideoRoomState.ENDED, KEY));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(alice).hasSize(3));
        connections.dispose();
        assertThat(alice.get(0)).satisfies(signal -> {
            assertThat(signal.deliveryType()).isEqualTo("UNICAST");
            assertThat(signal.channelId()).isNull();
            assertThat(signal.customData()).isEqualTo(
                    new ChangeData.StreamKeyChange("STREAM_KEY", "2", StreamKeyState.ACTIVE_PREP, null));
        });
        assertThat(alice.get(1).customData()).isEqualTo(ChangeData.VideoRoomChange.of(ROOM,
                VideoRoomState.LIVE_INACTIVE, null, URLS));
        assertThat(alice.get(2)).satisfies(signal -> {
            assertThat(signal.deliveryType()).isEqualTo("BROADCAST");
            assertThat(signal.channelId()).isEqualTo(ROOM);
            assertThat(signal.customData()).isEqualTo(ChangeData.VideoRoomChange.ended(ROOM, true));
        });
        assertThat(bob).as("another member of the app").isEmpty();
        assertThat(otherApp).as("a member of another app").isEmpty();
    }

    @Test
    void theAppsConsoleHearsNewRoomsAndEveryKeyAndRoomChangeOfThatAppOnly() {
        List<ConsoleEvent> app = new CopyOnWriteArrayList<>();
        List<ConsoleEvent> otherApp = new CopyOnWriteArrayList<>();
        Disposable connections = Flux.merge(console.subscribe(100L).doOnNext(app::add),
                console.subscribe(200L).doOnNext(otherApp::add)).subscribe();

        relay.on(new StreamKeyCreated(KEY, 100, 1, "sk-1"));
        relay.on(roomCreated());
        relay.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null));
        relay.on(new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY));
        relay.on(new VideoRoomArchiveStarted(ROOM, VideoRoomState.ENDED, VodState.ARCHIVING));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(app).hasSize(4));
        connections.dispose();
        assertThat(app).containsExactly(
                new ConsoleEvent.VideoRoom(ROOM, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED),
                new ConsoleEvent.StreamKey(KEY, StreamKeyState.ACTIVE_PREP, 1),
                new ConsoleEvent.VideoRoom(ROOM, VideoRoomState.LIVE_INACTIVE, null),
                new ConsoleEvent.VideoRoom(ROOM, VideoRoomState.ENDED, VodState.ARCHIVING));
        assertThat(otherApp).isEmpty();
    }

    @Test
    void theOwnerOfAKeyCreatedBeforeListeningIsReadFromItsFirstEvent() {
        eventStore.publish(new GenericDomainEventMessage<>("StreamKey", String.valueOf(KEY), 0,
                new StreamKeyCreated(KEY, 100, 1, "sk-1")));

        StepVerifier.create(hub.subscribe(ALICE))
                .then(() -> relay.on(new StreamKeyForciblyTerminated(KEY, StreamKeyState.INACTIVE,
                        StreamKeyState.ACTIVE, "w1", null, "sk-1", "sk-2")))
                .assertNext(signal -> assertThat(signal.customData()).isEqualTo(
                        ChangeData.StreamKeyChange.of(KEY, StreamKeyState.INACTIVE, null, URLS)))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aConnectionThatFallsBehindIsDroppedWithoutHoldingUpTheOthers() {
        relay.on(new StreamKeyCreated(KEY, 100, 1, "sk-1"));
        List<MemberSignal> keepingUp = new CopyOnWriteArrayList<>();
        Disposable fast = hub.subscribe(ALICE).subscribe(keepingUp::add);

        StepVerifier.create(hub.subscribe(ALICE), 0)
                .then(() -> {
                    for (int i = 0; i <= SignalHub.BUFFER; i++) {
                        relay.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null));
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(SignalHub.BUFFER)
                .expectError(IllegalStateException.class)
                .verify(TIMEOUT);

        assertThat(keepingUp).hasSize(SignalHub.BUFFER + 1);
        fast.dispose();
    }

    @Test
    void theStreamSendsACommentAtOnceThenSignalsAsJsonAndHeartbeats() throws Exception {
        relay.on(new StreamKeyCreated(KEY, 100, 1, "sk-1"));
        Flux<ServerSentEvent<String>> stream = as(new AuthenticatedMember(100, 1, "alice", "Alice", false),
                new MemberEventSourceController(hub, Duration.ofMillis(300)))
                .get().uri("/v2/members/me/event-sources").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody();
        List<String> data = new CopyOnWriteArrayList<>();

        StepVerifier.create(stream)
                .assertNext(first -> assertThat(first.comment()).isEqualTo("heartbeat"))
                .then(() -> relay.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF,
                        null)))
                .assertNext(signal -> data.add(signal.data()))
                .assertNext(next -> assertThat(next.comment()).isEqualTo("heartbeat"))
                .thenCancel()
                .verify(TIMEOUT);

        JsonNode signal = json.readTree(data.get(0));
        assertThat(signal.get("messageId").asText()).isEqualTo(signal.get("sentAt").asText());
        assertThat(Instant.parse(signal.get("sentAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(signal.get("origin").asText()).isEqualTo("SYSTEM");
        assertThat(signal.get("type").asText()).isEqualTo("SIGNAL");
        assertThat(signal.get("deliveryType").asText()).isEqualTo("UNICAST");
        assertThat(signal.get("customType").asText()).isEqualTo("CHANGE_DATA_CAPTURE");
        JsonNode change = signal.get("customData");
        assertThat(change.get("type").asText()).isEqualTo("STREAM_KEY");
        assertThat(change.get("streamKeyId").isTextual()).as("ids are strings here").isTrue();
        assertThat(change.get("streamKeyId").asText()).isEqualTo("2");
        assertThat(change.get("streamKeyState").asText()).isEqualTo("ACTIVE_PREP");
        assertThat(change.has("liveUrl")).isTrue();
    }

    @Test
    void goingLiveSignalsThePlayUrlsOfTheRoomOnTheRoomAndTheKey() {
        List<MemberSignal> alice = new CopyOnWriteArrayList<>();
        Disposable connection = hub.subscribe(ALICE).subscribe(alice::add);

        relay.on(new StreamKeyCreated(KEY, 100, 1, "sk-1"));
        relay.on(roomCreated());
        relay.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.RTMP_CMAF, null));
        relay.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM));
        relay.on(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(alice).hasSize(3));
        connection.dispose();
        assertThat(alice.get(1).customData()).isEqualTo(new ChangeData.StreamKeyChange("STREAM_KEY", "2",
                StreamKeyState.ACTIVE_LIVE, "https://media.example/live/50/index.m3u8"));
        assertThat(alice.get(2).customData()).isEqualTo(new ChangeData.VideoRoomChange("VIDEO_ROOM", "50",
                VideoRoomState.LIVE, "https://media.example/live/50/index.m3u8",
                "https://media.example/live/50/index.m3u8", "https://media.example/live/50/manifest.mpd",
                "rtmp://media.example/live/50", "https://media.example/live/50.flv", null));
    }

    @Test
    void forciblyTerminatedIsSentOnlyWithEnded() throws Exception {
        JsonNode lost = json.valueToTree(ChangeData.VideoRoomChange.of(ROOM, VideoRoomState.LIVE_INACTIVE, null, URLS));
        JsonNode ended = json.valueToTree(ChangeData.VideoRoomChange.ended(ROOM, false));

        assertThat(lost.has("forciblyTerminated")).isFalse();
        assertThat(lost.has("playUrl")).isTrue();
        assertThat(lost.get("videoRoomId").asText()).isEqualTo("50");
        assertThat(ended.get("forciblyTerminated").asBoolean()).isFalse();
        assertThat(ended.has("httpFlvPlayUrl")).isTrue();
    }

    private static VideoRoomCreated roomCreated() {
        return new VideoRoomCreated(ROOM, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, 100, 1, "alice", KEY,
                VideoRoomType.BROADCAST_RTMP, details(), null, "uuid-50", CreatorType.MEMBER, 1);
    }

    private static VideoRoomDetails details() {
        return new VideoRoomDetails("Morning run", null, AccessLevel.PUBLIC, null, null);
    }
}
