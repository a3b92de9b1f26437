package io.flipflop.media.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.media.MediaWorkerApplication;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.cmaf.LiveStreams;
import io.flipflop.media.cmaf.TestMedia;
import io.flipflop.media.cmaf.VodPackager;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.PublishedStream;
import io.flipflop.platform.security.SigningKeys;
import io.flipflop.platform.security.TestTokens;
import io.flipflop.platform.security.TokenClaims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The playback origin in the media worker's own context on a random port: a real FLV (made by the bundled
 * ffmpeg) is packaged into real live streams, read-model documents in the embedded MongoDB-wire server say which
 * room shows which stream key, and requests go over HTTP with real streaming tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveOriginTest {

    private static final long APP = 1;
    private static final long OTHER_APP = 2;
    private static final long OWNER = 20;
    private static final long MEMBER = 21;
    private static final long FOLLOWER = 22;
    /** The owner's key, fully published before the tests. */
    private static final long KEY = 7;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ConfigurableApplicationContext context;
    private MongoDatabase database;
    private MediaSinkFactory sinks;
    private List<FlvTag> tags;
    private int port;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tags = TestMedia.readFlv(TestMedia.makeFlv(dir, 10));
        context = new SpringApplicationBuilder(MediaWorkerApplication.class)
                .properties("flipflop.mongodb.in-memory=true", "server.port=0", "flipflop.rtmp.enabled=false",
                        "flipflop.cmaf.data-dir=" + dir, "flipflop.media.worker-id=worker-origin",
                        "server.shutdown=immediate")
                .run();
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        database = context.getBean(MongoDatabase.class);
        sinks = context.getBean(MediaSinkFactory.class);
        database.getCollection("stream_key_members").insertOne(new Document("_id", OWNER).append("streamKeyId", KEY));
        database.getCollection("stream_keys").insertOne(new Document("_id", KEY).append("appId", APP)
                .append("memberId", OWNER).append("streamKeyState", "ACTIVE").append("videoRoomId", null));
        database.getCollection("follows").insertOne(new Document("_id", OWNER + ":" + FOLLOWER).append("appId", APP)
                .append("active", true));
        try (MediaSink sink = open(KEY)) {
            tags.forEach(sink::accept);
        }
        LiveStreams streams = context.getBean(LiveStreams.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.find(KEY).map(s -> s.segment(3).isPresent())
                .orElse(false));
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void onlyTheOwnerPlaysAScheduledRoomWhileItsKeyIsPublishing() throws Exception {
        room(100, "SCHEDULED", "APP", null);

        assertThat(get("/live/100/index.m3u8", token(APP, OWNER)).statusCode()).isEqualTo(200);
        assertNotFound(get("/live/100/index.m3u8", token(APP, MEMBER)));
        assertNotFound(get("/live/100/index.m3u8", appWideToken(APP)));
        assertNotFound(get("/live/100/index.m3u8", null));
    }

    @Test
    void onceLiveEveryoneTheAccessLevelAdmitsPlays() throws Exception {
        room(101, "SCHEDULED", "FOLLOWER", null);
        assertNotFound(get("/live/101/media.m3u8", token(APP, FOLLOWER)));

        room(101, "LIVE", "FOLLOWER", KEY);

        assertThat(get("/live/101/media.m3u8", token(APP, FOLLOWER)).statusCode()).isEqualTo(200);
        assertThat(get("/live/101/media.m3u8", token(APP, OWNER)).statusCode()).isEqualTo(200);
        assertNotFound(get("/live/101/media.m3u8", token(APP, MEMBER)));
        assertNotFound(get("/live/101/media.m3u8", token(OTHER_APP, FOLLOWER)));
        assertNotFound(get("/live/101/media.m3u8", null));
    }

    @Test
    void aRestrictedLiveRoomPlaysForTheMembersOnItsAllowlist() throws Exception {
        room(114, "LIVE", "RESTRICTED", KEY);
        database.getCollection("video_rooms").updateOne(new Document("_id", 114L),
                new Document("$set", new Document("allowlist", List.of(MEMBER))));

        assertThat(get("/live/114/media.m3u8", token(APP, MEMBER)).statusCode()).isEqualTo(200);
        assertThat(get("/live/114/media.m3u8", token(APP, OWNER)).statusCode()).isEqualTo(200);
        assertNotFound(get("/live/114/media.m3u8", token(APP, FOLLOWER)));
        assertNotFound(get("/live/114/media.m3u8", token(OTHER_APP, MEMBER)));
        assertNotFound(get("/live/114/media.m3u8", null));
    }

    @Test
    void aPublicLiveRoomPlaysWithoutAToken() throws Exception {
        room(102, "LIVE", "PUBLIC", KEY);

        assertThat(get("/live/102/index.m3u8", null).statusCode()).isEqualTo(200);
        assertThat(get("/live/102/manifest.mpd", null).statusCode()).isEqualTo(200);
        assertThat(get("/live/102/seg-1.m4s", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidTokenIsRefusedEvenForAPublicRoom() throws Exception {
        room(103, "LIVE", "PUBLIC", KEY);

        HttpResponse<String> refused = get("/live/103/index.m3u8", "not.a.token");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("INVALID_STREAMING_TOKEN");
    }

    @Test
    void endedCancelledMissingAndForeignRoomsAreNotFound() throws Exception {
        room(104, "ENDED", "PUBLIC", null);
        room(105, "LIVE", "APP", KEY);

        assertNotFound(get("/live/104/index.m3u8", null));
        assertNotFound(get("/live/999/index.m3u8", token(APP, OWNER)));
        assertNotFound(get("/live/105/index.m3u8", token(OTHER_APP, MEMBER)));
        assertNotFound(get("/live/105/index.m3u8", appWideToken(OTHER_APP)));
        assertThat(get("/live/105/index.m3u8", appWideToken(APP)).statusCode()).isEqualTo(200);
    }

    @Test
    void namesOutsideTheMediaNamesAreNotFound() throws Exception {
        room(106, "LIVE", "PUBLIC", KEY);

        for (String path : List.of("/live/106/recording.m3u8", "/live/106/seg-1.mp4", "/live/106/init-0.m4s",
                "/live/106/seg-99999.m4s", "/live/106/part-99999.m4s", "/live/abc/index.m3u8",
                "/live/106/index.m3u8x", "/live/106/seg-1.m4s/x")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(404);
        }
    }

    /** Spring Security's firewall refuses dot segments and encoded separators (400) before any handler. */
    @Test
    void encodedTraversalIsRefusedBeforeTheOrigin() throws Exception {
        room(106, "LIVE", "PUBLIC", KEY);

        for (String path : List.of("/live/106/..%2F..%2Fetc%2Fpasswd", "/live/1/..%2F..%2Fetc%2Fpasswd",
                "/live/106/%2e%2e%2fpom.xml", "/live/106/..%5Cpom.xml", "/live/106/..", "/live/106/../../pom.xml")) {
            assertThat(get(path, null).statusCode()).as(path).isIn(400, 404);
            assertThat(get(path, null).body()).as(path).doesNotContain("root:");
        }
    }

    @Test
    void manifestsAreNotCachedAndMediaIsImmutablePrivatelyUnlessThRoomIsPublic() throws Exception {
        room(107, "LIVE", "PUBLIC", KEY);
        room(108, "LIVE", "MEMBER", KEY);
        String media = get("/live/107/media.m3u8", null).body();
        String init = first(media, "(init-\\d+\\.mp4)");
        String part = first(media, "(part-\\d+\\.m4s)");

        assertHeaders(get("/live/107/index.m3u8", null), "application/vnd.apple.mpegurl", "no-cache");
        assertHeaders(get("/live/107/media.m3u8", null), "application/vnd.apple.mpegurl", "no-cache");
        assertHeaders(get("/live/107/manifest.mpd", null), "application/dash+xml", "no-cache");
        String shared = "public, max-age=31536000, immutable";
        assertHeaders(get("/live/107/" + init, null), "video/mp4", shared);
        assertHeaders(get("/live/107/seg-1.m4s", null), "video/iso.segment", shared);
        assertHeaders(get("/live/107/" + part, null), "video/iso.segment", shared);
        String member = token(APP, MEMBER);
        String mine = "private, max-age=31536000, immutable";
        assertHeaders(get("/live/108/" + init, member), "video/mp4", mine);
        assertHeaders(get("/live/108/seg-1.m4s", member), "video/iso.segment", mine);
        assertHeaders(get("/live/108/" + part, member), "video/iso.segment", mine);
    }

    @Test
    void aTokensPlaylistsAndMpdCarryItIntoEveryUri() throws Exception {
        room(109, "LIVE", "MEMBER", KEY);
        String member = token(APP, MEMBER);

        String media = get("/live/109/media.m3u8", member).body();
        String mpd = get("/live/109/manifest.mpd", member).body();

        assertThat(get("/live/109/index.m3u8", member).body()).contains("media.m3u8?streamingToken=" + member);
        assertThat(media).contains("seg-1.m4s?streamingToken=" + member)
                .containsPattern("#EXT-X-MAP:URI=\"init-\\d+\\.mp4\\?streamingToken=" + Pattern.quote(member) + "\"")
                .containsPattern("PRELOAD-HINT:TYPE=PART,URI=\"part-\\d+\\.m4s\\?streamingToken=");
        assertThat(mpd).contains("media=\"seg-$Number$.m4s?streamingToken=" + member + "\"")
                .contains("value=\"http://127.0.0.1:" + port + "/live/time\"");
    }

    @Test
    void theClockAnswersTheServersTimeInIso8601() throws Exception {
        HttpResponse<String> time = get("/live/time", null);

        assertThat(time.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(time.body().trim())).isBetween(Instant.now().minusSeconds(5), Instant.now());
    }

    @Test
    void browsersMayPreflightLiveMedia() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/live/102/index.m3u8"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://player.example").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(get("/live/102/index.m3u8", null, "Origin", "http://player.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void aBlockingReloadIsAnsweredWhenTheAwaitedPartArrives() throws Exception {
        long key = 9;
        room(110, "LIVE", "PUBLIC", key);
        try (MediaSink sink = open(key)) {
            tags.subList(0, tags.size() / 2).forEach(sink::accept);
            String playlist = settled("/live/110/media.m3u8");
            long nextMsn = Long.parseLong(first(playlist, "#EXT-X-MEDIA-SEQUENCE:(\\d+)"))
                    + count(playlist, "#EXTINF");
            int partsNow = count(playlist.substring(playlist.lastIndexOf("#EXTINF")), "#EXT-X-PART:");
            String hinted = first(playlist, "PRELOAD-HINT:TYPE=PART,URI=\"(part-\\d+\\.m4s)\"");

            CompletableFuture<HttpResponse<String>> reload = http.sendAsync(HttpRequest.newBuilder(
                    uri("/live/110/media.m3u8?_HLS_msn=" + nextMsn + "&_HLS_part=" + partsNow)).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<byte[]>> hint = http.sendAsync(HttpRequest.newBuilder(
                    uri("/live/110/" + hinted)).build(), HttpResponse.BodyHandlers.ofByteArray());
            Thread.sleep(700);
            assertThat(reload).isNotDone();
            assertThat(hint).isNotDone();

            tags.subList(tags.size() / 2, tags.size()).forEach(sink::accept);

            HttpResponse<String> answered = reload.get(10, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("URI=\"" + hinted + "\"");
            assertThat(hint.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSegmentRequestedWhileItIsFilledIsSentAsItsPartsLand() throws Exception {
        long key = 13;
        room(113, "LIVE", "PUBLIC", key);
        try (MediaSink sink = open(key)) {
            tags.subList(0, tags.size() / 2).forEach(sink::accept);
            String playlist = settled("/live/113/media.m3u8");
            long filling = Long.parseLong(first(playlist, "#EXT-X-MEDIA-SEQUENCE:(\\d+)"))
                    + count(playlist, "#EXTINF");
            assertThat(get("/live/113/media.m3u8", null).body()).doesNotContain("seg-" + filling + ".m4s");

            CompletableFuture<HttpResponse<byte[]>> early = http.sendAsync(HttpRequest.newBuilder(
                    uri("/live/113/seg-" + filling + ".m4s")).build(), HttpResponse.BodyHandlers.ofByteArray());
            Thread.sleep(500);
            tags.subList(tags.size() / 2, tags.size()).forEach(sink::accept);

            HttpResponse<byte[]> streamed = early.get(15, TimeUnit.SECONDS);
            assertThat(streamed.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(
                    uri("/live/113/seg-" + filling + ".m4s")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(streamed.body()).isEqualTo(whole.body());
        }
    }

    @Test
    void ffprobeReadsTheHlsAndTheDashOutputWithBothStreams() throws Exception {
        room(111, "LIVE", "MEMBER", KEY);
        String member = token(APP, MEMBER);

        String hls = TestMedia.probe(uri("/live/111/index.m3u8?streamingToken=" + member).toString());
        String dash = TestMedia.probe(uri("/live/111/manifest.mpd?streamingToken=" + member).toString());

        assertThat(hls).contains("\"h264\"", "\"aac\"");
        assertThat(dash).contains("\"h264\"", "\"aac\"");
    }

    @Test
    void theEndOfTheBroadcastEndsItsLiveStream() throws Exception {
        long key = 11;
        room(112, "LIVE", "PUBLIC", key);
        try (MediaSink sink = open(key)) {
            tags.subList(0, tags.size() / 3).forEach(sink::accept);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/live/112/media.m3u8", null).statusCode() == 200);

        context.getBean(EventBus.class).publish(new GenericDomainEventMessage<>("VideoRoom", "112", 3,
                new VideoRoomBroadcastEnded(112, VideoRoomState.ENDED, key)));

        await().atMost(Duration.ofSeconds(5)).until(() -> get("/live/112/media.m3u8", null).statusCode() == 404);
        assertThat(context.getBean(LiveStreams.class).find(key)).isEmpty();
    }

    @Test
    void anArchivedRoomsVodPlaysForWhomTheAccessLevelAdmits() throws Exception {
        archive(120, "FOLLOWER");

        for (String viewer : List.of(token(APP, FOLLOWER), token(APP, OWNER), appWideToken(APP))) {
            HttpResponse<String> playlist = get("/vod/120/media.m3u8", viewer);
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.body()).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
        }
        assertNotFound(get("/vod/120/media.m3u8", token(APP, MEMBER)));
        assertNotFound(get("/vod/120/media.m3u8", token(OTHER_APP, FOLLOWER)));
        assertNotFound(get("/vod/120/media.m3u8", null));
        assertThat(get("/vod/120/media.m3u8", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnArchivedRoomPlaysItsVod() throws Exception {
        archive(121, "PUBLIC");

        for (String state : List.of("ENDED", "LIVE", "SCHEDULED")) {
            room(121, state, "PUBLIC", null);
            assertNotFound(get("/vod/121/index.m3u8", null));
        }
        assertNotFound(get("/vod/122/index.m3u8", null));
    }

    @Test
    void vodNamesOutsideTheMediaNamesAndTraversalAreRefused() throws Exception {
        archive(123, "PUBLIC");

        for (String path : List.of("/vod/123/recording.index", "/vod/123/recording.m3u8", "/vod/123/part-0.m4s",
                "/vod/123/seg-1.mp4", "/vod/123/seg-99999.m4s", "/vod/abc/index.m3u8", "/vod/123/index.m3u8x")) {
            HttpResponse<String> refused = get(path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/vod/123/..%2F..%2Fetc%2Fpasswd", "/vod/123/%2e%2e%2fpom.xml",
                "/vod/123/..%5Cpom.xml", "/vod/123/../../pom.xml")) {
            assertThat(get(path, null).statusCode()).as(path).isIn(400, 404);
            assertThat(get(path, null).body()).as(path).doesNotContain("root:", "<project");
        }
    }

    @Test
    void vodManifestsCarryTheTokenAndVodMediaIsImmutable() throws Exception {
        archive(124, "PUBLIC");
        archive(125, "MEMBER");
        String member = token(APP, MEMBER);

        String playlist = get("/vod/125/media.m3u8", member).body();
        assertThat(playlist).contains("init-0.mp4?streamingToken=" + member, "seg-0.m4s?streamingToken=" + member);
        assertThat(get("/vod/125/manifest.mpd", member).body()).contains("type=\"static\"",
                "initialization=\"init-0.mp4?streamingToken=" + member);
        assertHeaders(get("/vod/124/index.m3u8", null), "application/vnd.apple.mpegurl", "no-cache");
        assertHeaders(get("/vod/124/manifest.mpd", null), "application/dash+xml", "no-cache");
        assertHeaders(get("/vod/124/init-0.mp4", null), "video/mp4", "public, max-age=31536000, immutable");
        assertHeaders(get("/vod/124/seg-0.m4s", null), "video/iso.segment", "public, max-age=31536000, immutable");
        assertHeaders(get("/vod/125/seg-0.m4s", member), "video/iso.segment", "private, max-age=31536000, immutable");
    }

    /** An ARCHIVED room whose VOD is the owner's key's recording so far. */
    private void archive(long id, String accessLevel) throws Exception {
        Path recording = context.getBean(LiveStreams.class).find(KEY).orElseThrow().recordingDirectory();
        VodPackager.build(recording, context.getBean(CmafSettings.class).vodRoot().resolve(Long.toString(id)), null,
                Clock.systemUTC());
        room(id, "ARCHIVED", accessLevel, null);
    }

    private MediaSink open(long key) {
        return sinks.open(new PublishedStream(key, APP, OWNER, "worker-origin", OutputMode.CMAF), () -> { });
    }

    private void room(long id, String videoRoomState, String accessLevel, Long streamKeyId) {
        database.getCollection("video_rooms").replaceOne(new Document("_id", id), new Document("_id", id)
                .append("appId", APP).append("memberId", OWNER).append("accessLevel", accessLevel)
                .append("videoRoomState", videoRoomState).append("streamKeyId", streamKeyId)
                .append("vodState", "NOT_ARCHIVED").append("state", "ACTIVE"), new ReplaceOptions().upsert(true));
    }

    private String token(long app, long member) {
        return TestTokens.es256(context.getBean(SigningKeys.class).signingKey(),
                TestTokens.valid(TokenClaims.AUDIENCE_STREAMING, String.valueOf(member)).claim(TokenClaims.CLAIMS,
                        Map.of(TokenClaims.APP_ID, app, TokenClaims.TYPE, TokenClaims.TYPE_MEMBER,
                                TokenClaims.MEMBER_ID, member)).build());
    }

    private String appWideToken(long app) {
        return TestTokens.es256(context.getBean(SigningKeys.class).signingKey(),
                TestTokens.valid(TokenClaims.AUDIENCE_STREAMING, "app").claim(TokenClaims.CLAIMS,
                        Map.of(TokenClaims.APP_ID, app, TokenClaims.TYPE, TokenClaims.TYPE_APP)).build());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<String> get(String path, String streamingToken, String... headers) throws Exception {
        String query = streamingToken == null ? "" : (path.contains("?") ? "&" : "?") + "streamingToken=" + streamingToken;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path + query));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The media playlist once the packager has caught up with what it was given. */
    private String settled(String path) throws Exception {
        String previous = "";
        for (int i = 0; i < 50; i++) {
            Thread.sleep(300);
            HttpResponse<String> now = get(path, null);
            if (now.statusCode() == 200 && now.body().equals(previous)) {
                return previous;
            }
            previous = now.body();
        }
        throw new AssertionError("The playlist never settled: " + previous);
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("VIDEO_ROOM_NOT_FOUND");
    }

    private static void assertHeaders(HttpResponse<String> response, String contentType, String cacheControl) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(contentType));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(cacheControl);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
