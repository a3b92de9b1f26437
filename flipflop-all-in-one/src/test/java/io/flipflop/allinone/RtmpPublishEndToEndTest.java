package io.flipflop.allinone;

import static io.flipflop.allinone.Broadcasting.SOON;
import static io.flipflop.allinone.Broadcasting.probe;
import static io.flipflop.allinone.Broadcasting.probeFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.command.videopost.ArchivePostingConfiguration;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.util.FileSystemUtils;

/**
 * OBS's part played by the real {@code ffmpeg} program: it publishes a synthetic 720p30 H.264/AAC stream over
 * RTMP to the all-in-one platform; the stream key and the room follow the publisher through the public API, and
 * viewers play the CMAF output over HTTP as the room's access level allows, read back with {@code ffprobe}.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.webhooks.allow-private-addresses=true"})
class RtmpPublishEndToEndTest extends PublishingTest {

    @Autowired
    CmafSettings cmaf;

    @Autowired
    EventProcessingConfiguration processing;

    FlipFlopClient flipflop;
    ConsoleSession session;
    AppCredentials app;
    /** Started by the test that listens to the app's webhooks. */
    CallbackReceiver webhooks;
    Broadcasting broadcasting;
    String streamKey;

    @BeforeEach
    void aMemberWithAStreamKey() {
        flipflop = new FlipFlopClient(http);
        session = flipflop.signUpNew("obs");
        app = flipflop.createApp(session, "OBS");
        flipflop.loginMember(app, "host1", "Host");
        broadcasting = new Broadcasting(flipflop, app, rtmp.port());
        streamKey = broadcasting.streamKey("host1");
    }

    @Test
    void aWrongStreamKeyIsRefused() throws Exception {
        Process wrong = broadcasting.publish("not-a-key", 3);

        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isNotZero();
        assertThat(broadcasting.key("host1").get("streamKeyState").asText()).isEqualTo("INACTIVE");
    }

    @Test
    void theKeysOwnModeAppliesToPublishesThatNameNone() throws Exception {
        long keyId = broadcasting.key("host1").get("id").asLong();
        AppCredentials other = flipflop.createApp(flipflop.signUpNew("other"), "Other");
        http.patch().uri("/v2/apps/me/stream-keys/{id}", keyId)
                .headers(h -> h.setBasicAuth(other.apiKey(), other.apiSecret())).bodyValue(Map.of("mode", "RTMP"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("STREAM_KEY_NOT_FOUND");
        http.patch().uri("/v2/apps/me/stream-keys/{id}", keyId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).bodyValue(Map.of("mode", "FLV"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_HTTP_MESSAGE_BODY");
        http.patch().uri("/v2/apps/me/stream-keys/{id}", keyId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).bodyValue(Map.of("mode", "RTMP_CMAF"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.streamKeyState").isEqualTo("INACTIVE");

        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE");
        assertThat(broadcasting.key("host1").get("mode").asText()).isEqualTo("RTMP_CMAF");
        publisher.destroyForcibly();
        broadcasting.expectKey("host1", "INACTIVE");

        publisher = broadcasting.publish(streamKey + "?mode=CMAF", 120);
        broadcasting.expectKey("host1", "ACTIVE");
        assertThat(broadcasting.key("host1").get("mode").asText()).as("the URL's mode wins").isEqualTo("CMAF");
    }

    @Test
    void theAppsDefaultModeAppliesToPublishesWhoseUrlAndKeyNameNone() throws Exception {
        String appPath = "/console/v1/apps/" + app.appId();
        ConsoleSession stranger = flipflop.signUpNew("stranger");
        flipflop.asConsoleUser(stranger, HttpMethod.PATCH, appPath, Map.of("defaultRtmpOutputMode", "RTMP"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        flipflop.asConsoleUser(session, HttpMethod.PATCH, appPath, Map.of("defaultRtmpOutputMode", "FLV"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_HTTP_MESSAGE_BODY");
        flipflop.asConsoleUser(session, HttpMethod.PATCH, appPath, Map.of("defaultRtmpOutputMode", "RTMP"))
                .expectStatus().isOk().expectBody().jsonPath("$.defaultRtmpOutputMode").isEqualTo("RTMP");
        await().atMost(SOON).untilAsserted(() -> {
            flipflop.asConsoleUser(session, HttpMethod.GET, appPath, null)
                    .expectBody().jsonPath("$.defaultRtmpOutputMode").isEqualTo("RTMP");
            assertThat(broadcasting.key("host1").at("/app/defaultRtmpOutputMode").asText()).isEqualTo("RTMP");
        });
        long roomId = broadcasting.createRoom("host1", "App default", null);

        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE");
        assertThat(broadcasting.key("host1").get("mode").asText()).isEqualTo("RTMP");
        broadcasting.goLive(roomId);
        // the go-live answer is the command side's; the room's read model follows it within moments
        await().atMost(SOON).untilAsserted(() -> assertThat(room(roomId).get("httpFlvPlayUrl").asText())
                .isEqualTo("http://localhost:" + port + "/live/" + roomId + ".flv"));
        publisher.destroyForcibly();
        broadcasting.expectRoom(roomId, "LIVE_INACTIVE");

        long keyId = broadcasting.key("host1").get("id").asLong();
        http.patch().uri("/v2/apps/me/stream-keys/{id}", keyId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).bodyValue(Map.of("mode", "CMAF"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.app.defaultRtmpOutputMode").isEqualTo("RTMP");
        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectRoom(roomId, "LIVE");
        await().atMost(SOON).untilAsserted(() -> assertThat(broadcasting.key("host1").get("mode").asText())
                .as("the key's mode wins").isEqualTo("CMAF"));
        assertThat(room(roomId).path("httpFlvPlayUrl").isTextual()).isFalse();
    }

    @Test
    void aPublisherGoesLiveDropsAndResumes() throws Exception {
        long roomId = broadcasting.createRoom("host1", "Live from ffmpeg", null);

        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE");
        broadcasting.goLive(roomId);

        publisher.destroyForcibly();
        broadcasting.expectKey("host1", "INACTIVE_LIVE");
        broadcasting.expectRoom(roomId, "LIVE_INACTIVE");

        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE_LIVE");
        broadcasting.expectRoom(roomId, "LIVE");
    }

    @Test
    void theOwnerPreviewsThenMembersWatchOverHlsAndDashUntilTheEnd() throws Exception {
        MemberTokens owner = flipflop.loginMember(app, "host1", "Host");
        MemberTokens viewer = flipflop.loginMember(app, "viewer1", "Viewer");
        long roomId = broadcasting.createRoom("host1", "Members only", "MEMBER");
        String playlist = "/live/" + roomId + "/index.m3u8?streamingToken=";

        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE");
        await().atMost(SOON).untilAsserted(() -> http.get().uri(playlist + owner.streamingToken()).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/vnd.apple.mpegurl"));
        http.get().uri(playlist + viewer.streamingToken()).exchange().expectStatus().isNotFound();

        broadcasting.goLive(roomId);
        await().atMost(SOON).untilAsserted(() ->
                http.get().uri(playlist + viewer.streamingToken()).exchange().expectStatus().isOk());
        http.get().uri("/live/" + roomId + "/index.m3u8").exchange().expectStatus().isNotFound();

        String base = "http://127.0.0.1:" + port + "/live/" + roomId;
        assertThat(probe(base + "/index.m3u8?streamingToken=" + viewer.streamingToken())).contains("h264", "aac");
        assertThat(probe(base + "/manifest.mpd?streamingToken=" + viewer.streamingToken())).contains("h264", "aac");

        publisher.destroyForcibly();
        broadcasting.expectKey("host1", "INACTIVE_LIVE");
        broadcasting.end(roomId);
        await().atMost(SOON).untilAsserted(() ->
                http.get().uri(playlist + viewer.streamingToken()).exchange().expectStatus().isNotFound());
    }

    @Test
    void aBroadcastDroppedAndResumedIsArchivedAsAVodThatPlaysFromStartToEndAndBecomesAVideoPost() throws Exception {
        MemberTokens viewer = flipflop.loginMember(app, "viewer2", "Viewer");
        MemberTokens outsider = flipflop.loginMember(app, "viewer3", "Outsider");
        webhooks = new CallbackReceiver();
        flipflop.asConsoleUser(session, HttpMethod.PUT, "/console/v1/apps/" + app.appId() + "/callback",
                Map.of("callbackUrl", webhooks.url(), "callbackId", "obs", "callbackPassword", "obs callbacks"))
                .expectStatus().isOk();
        long roomId = broadcasting.createRoom("host1", "Kept for later", "RESTRICTED");
        http.put().uri("/v2/apps/me/video-rooms/{id}/allowlist/viewer2", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isNoContent();
        String live = "http://localhost:" + port + "/live/" + roomId + "/";

        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE");
        Instant wentLive = Instant.now();
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.playUrl").isEqualTo(live + "index.m3u8");
        broadcasting.expectRoom(roomId, "LIVE");
        broadcasting.expectKey("host1", "ACTIVE_LIVE");
        JsonNode onAir = room(roomId);
        assertThat(onAir.get("cmafHlsPlayUrl").asText()).isEqualTo(live + "index.m3u8");
        assertThat(onAir.get("liveUrl").asText()).isEqualTo(live + "index.m3u8");
        assertThat(onAir.get("cmafDashPlayUrl").asText()).isEqualTo(live + "manifest.mpd");
        assertThat(onAir.get("httpFlvPlayUrl").isNull()).as("mode CMAF: no HTTP-FLV").isTrue();
        http.get().uri("/live/{id}.flv?streamingToken=" + viewer.streamingToken(), roomId).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("MEDIA_NOT_FOUND");
        assertThat(broadcasting.key("host1").get("playUrl").asText()).isEqualTo(live + "index.m3u8");
        Thread.sleep(6_000);

        publisher.destroyForcibly();
        broadcasting.expectRoom(roomId, "LIVE_INACTIVE");
        assertThat(room(roomId).get("playUrl").isNull()).as("no play URL while the publisher is away").isTrue();
        publisher = broadcasting.publish(streamKey, 6);
        broadcasting.expectKey("host1", "ACTIVE_LIVE");
        assertThat(publisher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Duration onAirAtMost = Duration.between(wentLive, Instant.now());
        broadcasting.expectKey("host1", "INACTIVE_LIVE");
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
        // what the VOD's viewers fetched is metered like live playback (at least the segments ffprobe read twice)
        await().atMost(SOON).untilAsserted(() -> assertThat(flipflop.asApp(app, "/v2/apps/me/usage?videoRoomId="
                + roomId).exchange().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/totals/deliveredBytes").asLong()).isGreaterThan(2_000_000));

        http.get().uri("/vod/{id}/index.m3u8", roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        http.get().uri("/vod/{id}/recording.index" + token, roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEDIA_NOT_FOUND");

        // the archive became one video post of the room's owner, already PROCESSED, playing the room's VOD
        JsonNode post = await().atMost(SOON).until(() -> flipflop.asApp(app, "/v2/apps/me/video-posts?appUserId=host1")
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("content"),
                content -> content.size() == 1).get(0);
        assertThat(post.get("type").asText()).isEqualTo("LIVE_RECORDED");
        assertThat(post.get("videoPostState").asText()).isEqualTo("PROCESSED");
        assertThat(post.get("title").asText()).isEqualTo("Kept for later");
        assertThat(post.get("accessLevel").asText()).isEqualTo("RESTRICTED");
        assertThat(post.at("/stats/totalMemberWhitelistCount").asInt()).as("the room's allowlist").isEqualTo(1);
        assertThat(post.at("/member/appUserId").asText()).isEqualTo("host1");
        assertThat(post.at("/videoRoom/id").asLong()).isEqualTo(roomId);
        assertThat(post.at("/file/src/originalFileName").asText()).isEqualTo("index.m3u8");
        List<String> summaries = new ArrayList<>();
        post.at("/file/processedSummaries").forEach(summary ->
                summaries.add(summary.get("format").asText() + " " + summary.get("url").asText()));
        assertThat(summaries).containsExactly("CMAF_HLS /vod/" + roomId + "/index.m3u8",
                "CMAF_MPEG_DASH /vod/" + roomId + "/manifest.mpd");
        // played under the room's (and so the post's) access level: the allowlisted member, not another one
        for (JsonNode summary : post.at("/file/processedSummaries")) {
            String url = summary.get("url").asText();
            http.get().uri(url + token).exchange().expectStatus().isOk();
            http.get().uri(url + "?streamingToken=" + outsider.streamingToken()).exchange().expectStatus()
                    .isNotFound();
            http.get().uri(url).exchange().expectStatus().isNotFound();
        }
        flipflop.asApp(app, "/v2/apps/me/video-posts/" + post.get("id").asLong()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.videoRoom.id").isEqualTo(roomId);

        // the archive handled all over again (the processor replayed from the start) makes no second post
        TrackingEventProcessor posting = processing.eventProcessor(ArchivePostingConfiguration.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        posting.shutDown();
        posting.resetTokens();
        posting.start();
        // the status is empty until the restarted processor claims its segment, and replaying until it is past
        // the position it was reset at
        await().atMost(SOON).until(() -> !posting.processingStatus().isEmpty() && posting.processingStatus()
                .values().stream().allMatch(status -> status.isCaughtUp() && !status.isReplaying()));
        flipflop.asApp(app, "/v2/apps/me/video-posts?appUserId=host1").exchange().expectBody()
                .jsonPath("$.totalElements").isEqualTo(1).jsonPath("$.content[0].id").isEqualTo(post.get("id").asLong());
        // the app heard of it once, as a post that is PROCESSED
        await().atMost(SOON).untilAsserted(() -> assertThat(webhooks.about("videoPostId", post.get("id").asLong())
                .stream().map(CallbackReceiver.Received::type).toList()).containsExactly("VIDEO_POST_PROCESSED"));
    }

    @AfterEach
    void stopTheWebhookReceiver() {
        if (webhooks != null) {
            webhooks.close();
        }
    }

    @Test
    void aBroadcastWhoseRecordingIsLostFailsToArchiveWithAReason() throws Exception {
        long roomId = broadcasting.createRoom("host1", "Kept for later", "PUBLIC");
        publisher = broadcasting.publish(streamKey, 120);
        broadcasting.expectKey("host1", "ACTIVE");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();
        publisher.destroyForcibly();
        broadcasting.expectKey("host1", "INACTIVE_LIVE");
        FileSystemUtils.deleteRecursively(cmaf.liveRoot().resolve(broadcasting.key("host1").get("id").asText()));

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
    void aPublishInModeRtmpIsAlsoPlayedAsHttpFlvAndOverRtmp() throws Exception {
        MemberTokens viewer = flipflop.loginMember(app, "viewer3", "Viewer");
        long roomId = broadcasting.createRoom("host1", "Kept for later", "MEMBER");
        String flv = "http://localhost:" + port + "/live/" + roomId + ".flv";

        publisher = broadcasting.publish(streamKey + "?mode=RTMP", 120);
        broadcasting.expectKey("host1", "ACTIVE");
        assertThat(broadcasting.key("host1").get("mode").asText()).isEqualTo("RTMP");
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.httpFlvPlayUrl").isEqualTo(flv);
        broadcasting.expectRoom(roomId, "LIVE");
        broadcasting.expectKey("host1", "ACTIVE_LIVE");
        assertThat(room(roomId).get("httpFlvPlayUrl").asText()).isEqualTo(flv);
        assertThat(room(roomId).get("cmafHlsPlayUrl").asText()).as("CMAF is packaged whatever the mode")
                .endsWith("/live/" + roomId + "/index.m3u8");
        String rtmpPlayUrl = room(roomId).get("rtmpPlayUrl").asText();
        assertThat(rtmpPlayUrl).as("on the ingest URL").startsWith("rtmp://").endsWith("/live/" + roomId);
        assertThat(broadcasting.key("host1").get("httpFlvPlayUrl").asText()).isEqualTo(flv);
        assertThat(broadcasting.key("host1").get("rtmpPlayUrl").asText()).isEqualTo(rtmpPlayUrl);

        String token = "?streamingToken=" + viewer.streamingToken();
        assertThat(probe(flv.replace("localhost", "127.0.0.1") + token)).contains("h264", "aac");
        String rtmpPlay = "rtmp://127.0.0.1:" + rtmp.port() + "/live/" + roomId;
        assertThat(probe(rtmpPlay + token)).contains("h264", "aac");
        assertThat(probeFails(rtmpPlay)).as("a MEMBER room, no token").contains("NetStream.Play.StreamNotFound");
        assertThat(probeFails(rtmpPlay + "?streamingToken=not.a.token")).contains("NetStream.Play.Failed");
        FluxExchangeResult<DataBuffer> stream = http.get().uri("/live/{id}.flv" + token, roomId).exchange()
                .expectStatus().isOk().expectHeader().contentType("video/x-flv")
                .expectHeader().cacheControl(CacheControl.noStore()).returnResult(DataBuffer.class);
        byte[] start = new byte[3];
        stream.getResponseBody().take(1).blockLast(SOON).read(start);
        assertThat(new String(start)).isEqualTo("FLV");
        http.get().uri("/live/{id}.flv", roomId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");

        publisher.destroyForcibly();
        broadcasting.expectRoom(roomId, "LIVE_INACTIVE");
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

    private JsonNode room(long roomId) {
        return flipflop.asApp(app, "/v2/apps/me/video-rooms/" + roomId).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
