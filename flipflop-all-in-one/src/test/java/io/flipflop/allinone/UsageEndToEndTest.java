package io.flipflop.allinone;

import static io.flipflop.allinone.Broadcasting.SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Usage figures add up: ffmpeg publishes for N seconds, two members watch the live HLS at once for M seconds as
 * players do, and the usage report shows about N seconds of ingest, exactly the media time the players downloaded
 * (about M seconds each) and the bytes they received, a peak of two concurrent viewers, and the recording's bytes
 * on disk as stored bytes. And a processed post: what a player downloads of it is its delivered bytes and time, its
 * files its stored bytes.
 * Figures are reported every second here (report and storage intervals), and recordings go to a fresh directory.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.usage.report-interval=1s",
                "flipflop.usage.storage-interval=1s", "flipflop.video-posts.poll-interval=200ms"})
class UsageEndToEndTest extends PublishingTest {

    private static final int PUBLISH_SECONDS = 16;
    private static final Duration WATCH = Duration.ofSeconds(7);
    /** One segment (flipflop.cmaf.segment-duration): how far a figure may be from the wall-clock time. */
    private static final double SEGMENT_SECONDS = 2.0;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void recordingsInAFreshDirectory(DynamicPropertyRegistry registry) {
        registry.add("flipflop.cmaf.data-dir", () -> dataDir.toString());
        registry.add("flipflop.video-posts.data-dir", () -> dataDir.toString());
    }

    @Test
    void ingestDeliveredTimePeakViewersAndStorageAddUp() throws Exception {
        FlipFlopClient flipflop = new FlipFlopClient(http);
        ConsoleSession owner = flipflop.signUpNew("usage");
        AppCredentials app = flipflop.createApp(owner, "Metered");
        flipflop.loginMember(app, "host1", "Host");
        MemberTokens alice = flipflop.loginMember(app, "alice", "Alice");
        MemberTokens bob = flipflop.loginMember(app, "bob", "Bob");
        Broadcasting broadcasting = new Broadcasting(flipflop, app, rtmp.port());
        String streamKey = broadcasting.streamKey("host1");
        long streamKeyId = broadcasting.key("host1").get("id").asLong();
        long roomId = broadcasting.createRoom("host1", "Metered show", "MEMBER");

        publisher = broadcasting.publish(streamKey, PUBLISH_SECONDS);
        broadcasting.expectKey("host1", "ACTIVE");
        broadcasting.goLive(roomId);
        String base = "http://127.0.0.1:" + port + "/live/" + roomId + "/";
        CompletableFuture<HlsViewer> aliceWatches = watch(new HlsViewer(base, alice.streamingToken()));
        CompletableFuture<HlsViewer> bobWatches = watch(new HlsViewer(base, bob.streamingToken()));
        HlsViewer aliceWatched = aliceWatches.get(60, TimeUnit.SECONDS);
        HlsViewer bobWatched = bobWatches.get(60, TimeUnit.SECONDS);
        long played = aliceWatched.downloadedMillis() + bobWatched.downloadedMillis();
        long downloaded = aliceWatched.downloadedBytes() + bobWatched.downloadedBytes();
        assertThat(publisher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        broadcasting.expectKey("host1", "INACTIVE_LIVE");
        Path recordings = dataDir.resolve("media").resolve("live").resolve(Long.toString(streamKeyId));

        await().atMost(SOON).untilAsserted(() -> {
            JsonNode totals = usage(flipflop, app, "").get("totals");
            assertThat(totals.get("ingestSeconds").asDouble()).isCloseTo(PUBLISH_SECONDS, within(SEGMENT_SECONDS));
            assertThat(totals.get("deliveredViewerSeconds").asDouble()).isEqualTo(played / 1000.0, within(0.01));
            assertThat(totals.get("deliveredBytes").asLong()).isEqualTo(downloaded);
            assertThat(totals.get("peakConcurrentViewers").asInt()).isEqualTo(2);
            assertThat(totals.get("storageBytes").asLong()).isPositive().isEqualTo(bytesUnder(recordings));
        });
        JsonNode totals = usage(flipflop, app, "").get("totals");
        assertThat(totals.get("deliveredViewerSeconds").asDouble() / 2)
                .isCloseTo(WATCH.toSeconds(), within(SEGMENT_SECONDS));
        Thread.sleep(2000);
        assertThat(usage(flipflop, app, "").get("totals").get("ingestSeconds").asDouble())
                .as("the ingest ended: it no longer grows").isEqualTo(totals.get("ingestSeconds").asDouble());

        JsonNode room = usage(flipflop, app, "?videoRoomId=" + roomId).get("totals");
        assertThat(room.get("deliveredViewerSeconds").asDouble()).isEqualTo(played / 1000.0, within(0.01));
        assertThat(room.get("ingestSeconds").asDouble()).as("only the live part")
                .isLessThan(totals.get("ingestSeconds").asDouble());
        assertThat(usage(flipflop, app, "?streamKeyId=" + streamKeyId).get("totals").get("ingestSeconds").asDouble())
                .isEqualTo(totals.get("ingestSeconds").asDouble());

        long appId = http.get().uri("/console/v1/apps").header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + owner.sessionToken()).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get(0).get("id").asLong();
        http.get().uri("/console/v1/apps/{id}/usage?granularity=hour", appId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.sessionToken()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totals.peakConcurrentViewers").isEqualTo(2)
                .jsonPath("$.granularity").isEqualTo("hour");

        ConsoleSession stranger = flipflop.signUpNew("stranger");
        AppCredentials otherApp = flipflop.createApp(stranger, "Other");
        http.get().uri("/console/v1/apps/{id}/usage", appId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + stranger.sessionToken()).exchange()
                .expectStatus().isNotFound();
        assertThat(usage(flipflop, otherApp, "").get("totals").get("deliveredBytes").asLong()).isZero();
        flipflop.asApp(otherApp, "/v2/apps/me/usage?videoRoomId=" + roomId).exchange().expectStatus().isNotFound();
    }

    /**
     * A player's downloads of a processed post (every playlist, each rendition's init and segments, the MPD, the
     * MP4 and the thumbnail) are its delivered bytes, the media time of its segments (each segment number once)
     * its viewer time; the post's files are its stored bytes until it is deleted.
     */
    @Test
    void aPostsPlaybackAndFilesAreMetered() throws Exception {
        FlipFlopClient flipflop = new FlipFlopClient(http);
        AppCredentials app = flipflop.createApp(flipflop.signUpNew("posts"), "Metered posts");
        flipflop.loginMember(app, "owner1", "Owner");
        Posting posting = new Posting(flipflop, app);
        long id = posting.create("owner1", "Metered clip", "PUBLIC");
        posting.upload(id, Files.readAllBytes(Posting.source("640x360", 5)), 1);
        posting.awaitState(id, "PROCESSED");
        Path files = dataDir.resolve("media").resolve("posts").resolve(Long.toString(id));

        String base = "/vod/" + id + "/";
        byte[] masterBytes = download(base + "cmaf/master.m3u8");
        String master = new String(masterBytes, StandardCharsets.UTF_8);
        long bytes = masterBytes.length;
        Map<Long, Long> millisPerNumber = new HashMap<>();
        for (String playlist : uris(master)) {
            byte[] mediaBytes = download(base + "cmaf/" + playlist);
            String media = new String(mediaBytes, StandardCharsets.UTF_8);
            bytes += mediaBytes.length;
            double extinf = 0;
            for (String line : media.lines().toList()) {
                if (line.startsWith("#EXTINF:")) {
                    extinf = Double.parseDouble(line.substring(8).split(",")[0]);
                }
                Matcher segment = Pattern.compile("seg-\\d+-(\\d+)\\.m4s").matcher(line);
                if (segment.matches()) {
                    millisPerNumber.putIfAbsent(Long.parseLong(segment.group(1)), Math.round(extinf * 1000));
                }
            }
            for (String file : uris(media)) {
                bytes += download(base + "cmaf/" + file).length;
            }
        }
        for (String file : List.of("cmaf/manifest.mpd", "mp4/download.mp4", "images/thumbnail.jpg")) {
            bytes += download(base + file).length;
        }
        long played = millisPerNumber.values().stream().mapToLong(Long::longValue).sum();
        assertThat(played).isCloseTo(5000, within(500L));
        long downloaded = bytes;

        await().atMost(SOON).untilAsserted(() -> {
            JsonNode totals = usage(flipflop, app, "").get("totals");
            assertThat(totals.get("deliveredBytes").asLong()).isEqualTo(downloaded);
            assertThat(totals.get("deliveredViewerSeconds").asDouble()).isEqualTo(played / 1000.0, within(0.001));
            assertThat(totals.get("peakConcurrentViewers").asInt()).isEqualTo(1);
            assertThat(totals.get("storageBytes").asLong()).isPositive().isEqualTo(bytesUnder(files));
        });

        http.delete().uri("/v2/apps/me/video-posts/{id}", id).headers(h -> h.setBasicAuth(app.apiKey(),
                app.apiSecret())).exchange().expectStatus().isNoContent();
        await().atMost(SOON).untilAsserted(() -> assertThat(usage(flipflop, app, "").get("totals")
                .get("storageBytes").asLong()).as("a deleted post's files no longer count").isZero());
        assertThat(files).doesNotExist();
    }

    /** The whole answer, however large (a segment or the MP4 is more than the client buffers by default). */
    private byte[] download(String path) {
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build().get().uri(path).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
    }

    /** The URIs an HLS playlist names: its URI lines and {@code URI="…"} attributes (EXT-X-MEDIA, EXT-X-MAP). */
    private static List<String> uris(String playlist) {
        List<String> uris = new ArrayList<>();
        for (String line : playlist.lines().toList()) {
            Matcher attribute = Pattern.compile("URI=\"([^\"]+)\"").matcher(line);
            if (attribute.find()) {
                uris.add(attribute.group(1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                uris.add(line.trim());
            }
        }
        return uris;
    }

    @Test
    void theUsageEndpointsAreDocumentedWithTheirErrors() {
        new FlipFlopClient(http).apiDocument()
                .jsonPath("$.paths['/v2/apps/me/usage'].get.responses['400'].description")
                .value(description -> assertThat((String) description).contains("INVALID_USAGE_RANGE"))
                .jsonPath("$.paths['/console/v1/apps/{appId}/usage'].get.responses['404'].description")
                .value(description -> assertThat((String) description).contains("APP_NOT_FOUND"))
                .jsonPath("$.paths['/v2/apps/me/usage'].get.parameters[?(@.name == 'granularity')]").exists();
    }

    private static CompletableFuture<HlsViewer> watch(HlsViewer viewer) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return viewer.watch(WATCH);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonNode usage(FlipFlopClient flipflop, AppCredentials app, String query) {
        return flipflop.asApp(app, "/v2/apps/me/usage" + query).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static long bytesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
