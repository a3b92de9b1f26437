package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.media.ffmpeg.BundledPrograms;
import io.flipflop.media.ingest.RtmpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OBS's part played by the real {@code ffmpeg} program: it publishes a synthetic 720p30 H.264/AAC stream over
 * RTMP to the all-in-one platform; the stream key and the room follow the publisher through the public API, and
 * viewers play the CMAF output over HTTP as the room's access level allows, read back with {@code ffprobe}.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class RtmpPublishEndToEndTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    RtmpServer rtmp;

    @LocalServerPort
    int port;

    FlipFlopClient flipflop;
    AppCredentials app;
    String streamKey;
    Process publisher;

    @BeforeEach
    void aMemberWithAStreamKey() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        flipflop = new FlipFlopClient(http);
        app = flipflop.createApp(flipflop.signUp("obs" + System.nanoTime() + "@example.com", "obs password"), "OBS");
        flipflop.loginMember(app, "host1", "Host");
        streamKey = await().atMost(SOON).until(() -> key().path("streamKey").asText(""), key -> !key.isEmpty());
    }

    @AfterEach
    void stopPublishing() {
        if (publisher != null) {
            publisher.destroyForcibly();
        }
    }

    @Test
    void aWrongStreamKeyIsRefused() throws Exception {
        Process wrong = publish("not-a-key", 3);

        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isNotZero();
        assertThat(key().get("streamKeyState").asText()).isEqualTo("INACTIVE");
    }

    @Test
    void aPublisherGoesLiveDropsAndResumes() throws Exception {
        long roomId = flipflop.createRoom(app, Map.of("appUserId", "host1", "type", "BROADCAST_RTMP",
                "title", "Live from ffmpeg", "scheduledAt", Instant.now().plusSeconds(60).toString()));

        publisher = publish(streamKey, 120);
        expectKey("ACTIVE");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.videoRoomState").isEqualTo("LIVE");

        publisher.destroyForcibly();
        expectKey("INACTIVE_LIVE");
        expectRoom(roomId, "LIVE_INACTIVE");

        publisher = publish(streamKey, 120);
        expectKey("ACTIVE_LIVE");
        expectRoom(roomId, "LIVE");
    }

    @Test
    void theOwnerPreviewsThenMembersWatchOverHlsAndDashUntilTheEnd() throws Exception {
        MemberTokens owner = flipflop.loginMember(app, "host1", "Host");
        MemberTokens viewer = flipflop.loginMember(app, "viewer1", "Viewer");
        long roomId = flipflop.createRoom(app, Map.of("appUserId", "host1", "type", "BROADCAST_RTMP",
                "title", "Members only", "scheduledAt", Instant.now().plusSeconds(60).toString(),
                "accessLevel", "MEMBER"));
        String playlist = "/live/" + roomId + "/index.m3u8?streamingToken=";

        publisher = publish(streamKey, 120);
        expectKey("ACTIVE");
        await().atMost(SOON).untilAsserted(() -> http.get().uri(playlist + owner.streamingToken()).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/vnd.apple.mpegurl"));
        http.get().uri(playlist + viewer.streamingToken()).exchange().expectStatus().isNotFound();

        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();
        await().atMost(SOON).untilAsserted(() ->
                http.get().uri(playlist + viewer.streamingToken()).exchange().expectStatus().isOk());
        http.get().uri("/live/" + roomId + "/index.m3u8").exchange().expectStatus().isNotFound();

        String base = "http://127.0.0.1:" + port + "/live/" + roomId;
        assertThat(probe(base + "/index.m3u8?streamingToken=" + viewer.streamingToken())).contains("h264", "aac");
        assertThat(probe(base + "/manifest.mpd?streamingToken=" + viewer.streamingToken())).contains("h264", "aac");

        publisher.destroyForcibly();
        expectKey("INACTIVE_LIVE");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/ended", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();
        await().atMost(SOON).untilAsserted(() ->
                http.get().uri(playlist + viewer.streamingToken()).exchange().expectStatus().isNotFound());
    }

    /** The codec names ffprobe finds in a stream read over HTTP, one per line. */
    private static String probe(String url) throws Exception {
        Process ffprobe = BundledPrograms.ffprobe("-v", "error", "-show_entries", "stream=codec_name",
                "-of", "csv=p=0", url).redirectErrorStream(true).start();
        String output = new String(ffprobe.getInputStream().readAllBytes());
        assertThat(ffprobe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffprobe.exitValue()).as(output).isZero();
        return output;
    }

    private Process publish(String name, int seconds) throws Exception {
        return Publisher.publish(rtmp.port(), name, seconds);
    }

    private JsonNode key() {
        return flipflop.asApp(app, "/v2/apps/me/members/host1/stream-key").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void expectKey(String state) {
        await().atMost(SOON).untilAsserted(() ->
                assertThat(key().get("streamKeyState").asText()).isEqualTo(state));
    }

    private void expectRoom(long roomId, String state) {
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(app, "/v2/apps/me/video-rooms/" + roomId)
                .exchange().expectBody().jsonPath("$.videoRoomState").isEqualTo(state));
    }
}
