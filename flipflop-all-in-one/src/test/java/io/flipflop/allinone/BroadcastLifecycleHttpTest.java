package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.command.broadcast.MediaWorkerCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * A whole broadcast through the public HTTP API, with the media worker's ingest commands sent in-process (the
 * RTMP server calls the same service): every step is checked through the GET endpoints and through the
 * member's event source (SSE).
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class BroadcastLifecycleHttpTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final String WORKER = "test-worker";

    @Autowired
    WebTestClient http;

    @Autowired
    MediaWorkerCommands worker;

    final ObjectMapper json = new ObjectMapper();
    final List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    FlipFlopClient flipflop;
    AppCredentials app;
    MemberTokens host;
    long streamKeyId;
    Disposable eventSource;

    @BeforeEach
    void appWithAHostListeningToItsEvents() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        flipflop = new FlipFlopClient(http);
        var session = flipflop.signUpNew("broadcaster");
        app = flipflop.createApp(session, "Broadcasts");
        host = flipflop.loginMember(app, "host1", "Host");
        streamKeyId = await().atMost(SOON).until(() -> keyOfHost().path("id").asLong(0), id -> id > 0);
        eventSource = http.mutate().responseTimeout(Duration.ofMinutes(5)).build()
                .get().uri("/v2/members/me/event-sources").accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + host.accessToken())
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .filter(data -> data.startsWith("{"))
                .subscribe(data -> pushed.add(parse(data)));
    }

    @AfterEach
    void closeEventSource() {
        eventSource.dispose();
    }

    @Test
    void aBroadcastGoesLiveDropsResumesEndsAndIsArchived() {
        JsonNode room = createRoom();
        long roomId = room.get("id").asLong();
        assertThat(room.get("videoRoomState").asText()).isEqualTo("SCHEDULED");

        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        expectKey("ACTIVE_PREP");
        worker.startCmafPublish(streamKeyId, WORKER).block();
        expectKey("ACTIVE");

        JsonNode live = post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(live.get("videoRoomState").asText()).isEqualTo("LIVE");
        expectKey("ACTIVE_LIVE");
        expectRoom(roomId, "LIVE");

        worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
        expectKey("INACTIVE_LIVE");
        expectRoom(roomId, "LIVE_INACTIVE");

        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        expectKey("ACTIVE_LIVE_PREP");
        worker.startCmafPublish(streamKeyId, WORKER).block();
        expectKey("ACTIVE_LIVE");
        expectRoom(roomId, "LIVE");

        worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
        expectKey("INACTIVE_LIVE");
        expectRoom(roomId, "LIVE_INACTIVE");

        JsonNode ended = post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/ended")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(ended.get("videoRoomState").asText()).isEqualTo("ENDED");
        expectKey("INACTIVE");
        await().atMost(SOON).untilAsserted(() ->
                assertThat(roomOf(roomId).get("vodState").asText()).isEqualTo("ARCHIVING"));

        worker.completeArchive(roomId, WORKER, "http://localhost/vod/" + roomId + "/index.m3u8").block();
        await().atMost(SOON).untilAsserted(() -> {
            JsonNode archived = roomOf(roomId);
            assertThat(archived.get("vodState").asText()).isEqualTo("ARCHIVED");
            assertThat(archived.get("vodUrl").asText()).endsWith("/index.m3u8");
        });

        assertThat(pushedStates("STREAM_KEY", "streamKeyState")).containsSubsequence(
                "ACTIVE_PREP", "ACTIVE", "ACTIVE_LIVE", "INACTIVE_LIVE", "ACTIVE_LIVE_PREP", "ACTIVE_LIVE",
                "INACTIVE_LIVE", "INACTIVE");
        assertThat(pushedStates("VIDEO_ROOM", "videoRoomState")).containsSubsequence(
                "LIVE", "LIVE_INACTIVE", "LIVE", "LIVE_INACTIVE", "ENDED");
    }

    /**
     * Ending right after the publisher drops races the coupling process, which may move the room (even to ENDED)
     * between the end call's check and its commands; the app must still get its 200 every time.
     */
    @Test
    void aMemberBroadcastsAgainAndAgainAndEveryEndAnswersOk() {
        for (int broadcast = 0; broadcast < 20; broadcast++) {
            long roomId = createRoom().get("id").asLong();
            worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
            worker.startCmafPublish(streamKeyId, WORKER).block();
            post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live").expectStatus().isOk();
            worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
            // The key is INACTIVE_LIVE as soon as the worker's command returns, so the end is accepted at once.
            post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/ended").expectStatus().isOk()
                    .expectBody().jsonPath("$.videoRoomState").isEqualTo("ENDED");
        }
    }

    @Test
    void aScheduledRoomCanBeCancelledAndThenNeverGoesLive() {
        long roomId = createRoom().get("id").asLong();

        post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/cancelled").expectStatus().isOk()
                .expectBody().jsonPath("$.videoRoomState").isEqualTo("CANCELLED");
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();

        post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_STATE_NOT_SCHEDULED");
        expectRoom(roomId, "CANCELLED");
    }

    @Test
    void forceTerminationEndsTheLiveRoomReissuesTheKeyAndKeepsNoRecording() {
        long roomId = createRoom().get("id").asLong();
        String keyBefore = keyOfHost().get("streamKey").asText();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live").expectStatus().isOk();

        post("/v2/apps/me/stream-keys/" + streamKeyId + "/force-terminate").expectStatus().isNoContent();

        await().atMost(SOON).untilAsserted(() -> {
            JsonNode room = roomOf(roomId);
            assertThat(room.get("videoRoomState").asText()).isEqualTo("ENDED");
            assertThat(room.get("forciblyTerminated").asBoolean()).isTrue();
            assertThat(room.get("vodState").asText()).isEqualTo("NOT_ARCHIVED");
            JsonNode key = keyOfHost();
            assertThat(key.get("streamKeyState").asText()).isEqualTo("INACTIVE");
            assertThat(key.get("streamKey").asText()).isNotEqualTo(keyBefore);
        });
    }

    @Test
    void theAuditReplaysTheRoomsHistoryAndDetectsTampering() {
        long roomId = createRoom().get("id").asLong();
        worker.startIngest(streamKeyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(streamKeyId, WORKER).block();
        Instant beforeLive = Instant.now();
        post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live").expectStatus().isOk();
        worker.stopCmafPublish(streamKeyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
        expectRoom(roomId, "LIVE_INACTIVE");

        JsonNode history = flipflop.asApp(app, "/v2/apps/me/audit/video-rooms/" + roomId + "/events")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> origins = history.get("events").findValuesAsText("origin");
        // Created and sent live by the app server, dropped by the worker, followed by the coupling (system).
        assertThat(origins).contains("APP_SERVER", "WORKER", "SYSTEM");
        flipflop.asApp(app, "/v2/apps/me/audit/video-rooms/" + roomId + "/state?at=" + beforeLive)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.videoRoomState").isEqualTo("SCHEDULED");
        flipflop.asApp(app, "/v2/apps/me/audit/video-rooms/" + roomId + "/state?at=" + Instant.now())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.videoRoomState").isEqualTo("LIVE_INACTIVE");
        flipflop.asApp(app, "/v2/apps/me/audit/video-rooms/" + roomId + "/verify")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    private JsonNode createRoom() {
        return http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "Evening show",
                        "scheduledAt", Instant.now().plusSeconds(3600).toString()))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String path) {
        return http.post().uri(path).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange();
    }

    private JsonNode keyOfHost() {
        return flipflop.asApp(app, "/v2/apps/me/members/host1/stream-key").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode roomOf(long roomId) {
        return flipflop.asApp(app, "/v2/apps/me/video-rooms/" + roomId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void expectKey(String state) {
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(keyOfHost().get("streamKeyState").asText()).isEqualTo(state);
            assertThat(pushedStates("STREAM_KEY", "streamKeyState")).endsWith(state);
        });
        flipflop.asMember(host, "/v2/members/me/stream-key").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.streamKeyState").isEqualTo(state);
    }

    private void expectRoom(long roomId, String state) {
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(roomOf(roomId).get("videoRoomState").asText()).isEqualTo(state);
            assertThat(pushedStates("VIDEO_ROOM", "videoRoomState")).endsWith(state);
        });
    }

    private List<String> pushedStates(String type, String field) {
        return pushed.stream().map(message -> message.get("customData"))
                .filter(data -> type.equals(data.get("type").asText()))
                .map(data -> data.get(field).asText())
                .toList();
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + data, e);
        }
    }
}
