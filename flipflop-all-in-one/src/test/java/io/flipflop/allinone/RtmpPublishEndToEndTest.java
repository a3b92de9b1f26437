package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.ffmpeg.BundledPrograms;
import io.flipflop.media.ingest.RtmpServer;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

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

    @Autowired
    CmafSettings cmaf;

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
        long roomId = http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "Live from ffmpeg",
                        "scheduledAt", Instant.now().plusSeconds(60).toString()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asLong();

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
        long roomId = http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "Members only",
                        "scheduledAt", Instant.now().plusSeconds(60).toString(), "accessLevel", "MEMBER"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asLong();
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

    @Test
    void aBroadcastDroppedAndResumedIsArchivedAsAVodThatPlaysFromStartToEnd() throws Exception {
        MemberTokens viewer = flipflop.loginMember(app, "viewer2", "Viewer");
        long roomId = createRoom("MEMBER");
        String live = "http://localhost:" + port + "/live/" + roomId + "/";

        publisher = publish(streamKey, 120);
        expectKey("ACTIVE");
        Instant wentLive = Instant.now();
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.playUrl").isEqualTo(live + "index.m3u8");
        expectRoom(roomId, "LIVE");
        expectKey("ACTIVE_LIVE");
        JsonNode onAir = room(roomId);
        assertThat(onAir.get("cmafHlsPlayUrl").asText()).isEqualTo(live + "index.m3u8");
        assertThat(onAir.get("liveUrl").asText()).isEqualTo(live + "index.m3u8");
        assertThat(onAir.get("cmafDashPlayUrl").asText()).isEqualTo(live + "manifest.mpd");
        assertThat(onAir.get("httpFlvPlayUrl").isNull()).as("mode CMAF: no HTTP-FLV").isTrue();
        http.get().uri("/live/{id}.flv?streamingToken=" + viewer.streamingToken(), roomId).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("MEDIA_NOT_FOUND");
        assertThat(key().get("playUrl").asText()).isEqualTo(live + "index.m3u8");
        Thread.sleep(6_000);

        publisher.destroyForcibly();
        expectRoom(roomId, "LIVE_INACTIVE");
        assertThat(room(roomId).get("playUrl").isNull()).as("no play URL while the publisher is away").isTrue();
        publisher = publish(streamKey, 6);
        expectKey("ACTIVE_LIVE");
        assertThat(publisher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Duration onAirAtMost = Duration.between(wentLive, Instant.now());
        expectKey("INACTIVE_LIVE");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/ended", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();

        String vodUrl = "http://localhost:" + port + "/vod/" + roomId + "/index.m3u8";
        await().atMost(SOON).untilAsserted(() -> {
            JsonNode archived = room(roomId);
            assertThat(archived.get("vodState").asText()).isEqualTo("ARCHIVED");
            assertThat(archived.get("videoRoomState").asText()).isEqualTo("ARCHIVED");
            assertThat(archived.get("vodUrl").asText()).isEqualTo(vodUrl);
            assertThat(archived.get("playUrl").isNull()).isTrue();
        });
        String token = "?streamingToken=" + viewer.streamingToken();
        String playlist = http.get().uri("/vod/{id}/media.m3u8" + token, roomId).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.apple.mpegurl")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-DISCONTINUITY", "#EXT-X-ENDLIST")
                .doesNotContain("#EXT-X-PART");
        assertThat(playlist.split("#EXT-X-MAP:", -1)).as("an init segment per publish").hasSize(3);
        double declared = playlist.lines().filter(line -> line.startsWith("#EXTINF:"))
                .mapToDouble(line -> Double.parseDouble(line.substring(8, line.indexOf(',')))).sum();
        // at most the time on air, the segment playing when the room went live, and the publishers' initial bursts
        assertThat(declared).as("the media since going live").isBetween(6.0 + 3.0,
                onAirAtMost.toMillis() / 1000.0 + 3.0);
        String mpd = http.get().uri("/vod/{id}/manifest.mpd" + token, roomId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(mpd).contains("type=\"static\"").doesNotContain("availabilityTimeOffset");
        assertThat(mpd.split("<Period ", -1)).as("one period: the resumed publish continues the timeline")
                .hasSize(2);
        http.get().uri("/vod/{id}/seg-0.m4s" + token, roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEDIA_NOT_FOUND"); // the preview's, complete before

        for (String url : List.of(vodUrl + token, vodUrl.replace("index.m3u8", "manifest.mpd") + token)) {
            Probe probe = probeWhole(url);
            assertThat(probe.codecs()).as(url).containsExactlyInAnyOrder("h264", "aac");
            assertThat(probe.duration()).as(url).isCloseTo(declared, within(2.0));
            // every segment read: as many packets as 30 fps video and 44.1 kHz AAC (1024 samples a frame) have
            // in the declared duration (FFmpeg's DASH reader mixes up the two tracks' times, not their packets)
            assertThat(probe.packets() / (30 + 44_100 / 1024.0)).as("read from start to end: " + url)
                    .isCloseTo(declared, within(2.0));
        }

        http.get().uri("/vod/{id}/index.m3u8", roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        http.get().uri("/vod/{id}/recording.index" + token, roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEDIA_NOT_FOUND");
    }

    @Test
    void aBroadcastWhoseRecordingIsLostFailsToArchiveWithAReason() throws Exception {
        long roomId = createRoom("PUBLIC");
        publisher = publish(streamKey, 120);
        expectKey("ACTIVE");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();
        publisher.destroyForcibly();
        expectKey("INACTIVE_LIVE");
        FileSystemUtils.deleteRecursively(cmaf.liveRoot().resolve(key().get("id").asText()));

        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/ended", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();

        await().atMost(SOON).untilAsserted(() ->
                assertThat(room(roomId).get("vodState").asText()).isEqualTo("FAILED_ARCHIVING"));
        JsonNode room = room(roomId);
        assertThat(room.get("videoRoomState").asText()).isEqualTo("ENDED");
        assertThat(room.get("vodUrl").isNull()).isTrue();
        JsonNode failed = StreamSupport.stream(flipflop.asApp(app, "/v2/apps/me/audit/video-rooms/" + roomId
                        + "/events").exchange().expectBody(JsonNode.class).returnResult().getResponseBody()
                        .get("events").spliterator(), false)
                .filter(event -> event.get("type").asText().equals("VideoRoomArchiveFailed")).findFirst().orElseThrow();
        assertThat(failed.get("origin").asText()).isEqualTo("WORKER");
        assertThat(failed.at("/payload/reason").asText()).isEqualTo("The recording is missing");
        http.get().uri("/vod/{id}/index.m3u8", roomId).exchange().expectStatus().isNotFound();
    }

    @Test
    void aPublishInModeRtmpIsAlsoPlayedAsHttpFlv() throws Exception {
        MemberTokens viewer = flipflop.loginMember(app, "viewer3", "Viewer");
        long roomId = createRoom("MEMBER");
        String flv = "http://localhost:" + port + "/live/" + roomId + ".flv";

        publisher = publish(streamKey + "?mode=RTMP", 120);
        expectKey("ACTIVE");
        assertThat(key().get("mode").asText()).isEqualTo("RTMP");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.httpFlvPlayUrl").isEqualTo(flv);
        expectRoom(roomId, "LIVE");
        expectKey("ACTIVE_LIVE");
        assertThat(room(roomId).get("httpFlvPlayUrl").asText()).isEqualTo(flv);
        assertThat(room(roomId).get("cmafHlsPlayUrl").asText()).as("CMAF is packaged whatever the mode")
                .endsWith("/live/" + roomId + "/index.m3u8");
        assertThat(room(roomId).get("rtmpPlayUrl").isNull()).as("RTMP play is not served").isTrue();
        assertThat(key().get("httpFlvPlayUrl").asText()).isEqualTo(flv);

        String token = "?streamingToken=" + viewer.streamingToken();
        assertThat(probe(flv.replace("localhost", "127.0.0.1") + token)).contains("h264", "aac");
        FluxExchangeResult<DataBuffer> stream = http.get().uri("/live/{id}.flv" + token, roomId).exchange()
                .expectStatus().isOk().expectHeader().contentType("video/x-flv")
                .expectHeader().cacheControl(CacheControl.noStore()).returnResult(DataBuffer.class);
        byte[] start = new byte[3];
        stream.getResponseBody().take(1).blockLast(SOON).read(start);
        assertThat(new String(start)).isEqualTo("FLV");
        http.get().uri("/live/{id}.flv", roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");

        publisher.destroyForcibly();
        expectRoom(roomId, "LIVE_INACTIVE");
        http.get().uri("/live/{id}.flv" + token, roomId).exchange().expectStatus().isNotFound();
    }

    /** What ffprobe finds reading every packet of a stream over HTTP. */
    private record Probe(List<String> codecs, double duration, int packets) {
    }

    private static Probe probeWhole(String url) throws Exception {
        File errors = File.createTempFile("ffprobe", ".log");
        Process ffprobe = BundledPrograms.ffprobe("-v", "error", "-show_entries",
                "stream=codec_name:format=duration:packet=size", "-of", "json", url)
                .redirectError(errors).start();
        byte[] output = ffprobe.getInputStream().readAllBytes();
        assertThat(ffprobe.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ffprobe.exitValue()).as(url).isZero();
        JsonNode json = new ObjectMapper().readTree(output);
        List<String> codecs = new ArrayList<>();
        json.get("streams").forEach(stream -> codecs.add(stream.get("codec_name").asText()));
        return new Probe(codecs, json.at("/format/duration").asDouble(), json.get("packets").size());
    }

    private long createRoom(String accessLevel) {
        return http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "Kept for later",
                        "scheduledAt", Instant.now().plusSeconds(60).toString(), "accessLevel", accessLevel))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asLong();
    }

    private JsonNode room(long roomId) {
        return flipflop.asApp(app, "/v2/apps/me/video-rooms/" + roomId).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
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
        return BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                        "-g", "30", "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + rtmp.port() + "/live/" + name)
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("ffmpeg", ".log"))
                .start();
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
