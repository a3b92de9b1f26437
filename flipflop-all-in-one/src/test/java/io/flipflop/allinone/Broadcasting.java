package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OBS's part played by the real {@code ffmpeg} program, and the app server's calls around a broadcast, spelled
 * once for the end-to-end tests: publish a synthetic 720p30 H.264/AAC stream over RTMP, schedule a room, go live,
 * and wait for the key and the room to reach a state.
 */
record Broadcasting(FlipFlopClient flipflop, AppCredentials app, int rtmpPort) {

    static final Duration SOON = Duration.ofSeconds(30);

    /** Publishes for {@code seconds} of media, in real time ({@code -re}), as {@code name}. */
    Process publish(String name, int seconds) throws Exception {
        return BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                        "-g", "30", "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + rtmpPort + "/live/" + name)
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("ffmpeg", ".log"))
                .start();
    }

    /** The codec names ffprobe finds in a stream read over HTTP or RTMP, one per line. */
    static String probe(String url) throws Exception {
        Process ffprobe = probing(url);
        String output = new String(ffprobe.getInputStream().readAllBytes());
        assertThat(ffprobe.exitValue()).as(output).isZero();
        return output;
    }

    /** What ffprobe says when it cannot read the stream (it must fail). */
    static String probeFails(String url) throws Exception {
        Process ffprobe = probing(url);
        String output = new String(ffprobe.getInputStream().readAllBytes());
        assertThat(ffprobe.exitValue()).as(output).isNotZero();
        return output;
    }

    private static Process probing(String url) throws Exception {
        Process ffprobe = BundledPrograms.ffprobe("-v", "error", "-show_entries", "stream=codec_name",
                "-of", "csv=p=0", url).redirectErrorStream(true).start();
        assertThat(ffprobe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return ffprobe;
    }

    /** Schedules a BROADCAST_RTMP room for the member; {@code accessLevel} null for the default. */
    long createRoom(String appUserId, String title, String accessLevel) {
        Map<String, String> room = new HashMap<>(Map.of("appUserId", appUserId, "type", "BROADCAST_RTMP",
                "title", title, "scheduledAt", Instant.now().plusSeconds(60).toString()));
        if (accessLevel != null) {
            room.put("accessLevel", accessLevel);
        }
        return flipflop.createRoom(app, room);
    }

    void goLive(long roomId) {
        flipflop.http().post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.videoRoomState").isEqualTo("LIVE");
    }

    void end(long roomId) {
        flipflop.http().post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/ended", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();
    }

    /** The member's stream key as the App API shows it. */
    JsonNode key(String appUserId) {
        return flipflop.asApp(app, "/v2/apps/me/members/" + appUserId + "/stream-key").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The member's stream key string, once its key exists. */
    String streamKey(String appUserId) {
        return await().atMost(SOON).until(() -> key(appUserId).path("streamKey").asText(""), key -> !key.isEmpty());
    }

    void expectKey(String appUserId, String state) {
        await().atMost(SOON).untilAsserted(() ->
                assertThat(key(appUserId).get("streamKeyState").asText()).isEqualTo(state));
    }

    void expectRoom(long roomId, String state) {
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(app, "/v2/apps/me/video-rooms/" + roomId)
                .exchange().expectBody().jsonPath("$.videoRoomState").isEqualTo(state));
    }
}
