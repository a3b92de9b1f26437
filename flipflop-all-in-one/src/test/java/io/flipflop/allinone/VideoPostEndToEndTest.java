package io.flipflop.allinone;

import static io.flipflop.allinone.Posting.run;
import static io.flipflop.allinone.Posting.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.TranscodingQueued;
import io.flipflop.api.videopost.VideoPostProcessed;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 6 end to end, with the real ffmpeg and ffprobe: a generated 1080p source of 60 s uploaded in three parts,
 * one of them twice, goes CREATED → UPLOADED → QUEUED → PROCESSING (with progress events) → PROCESSED; every rung of the ladder is checked with ffprobe (resolution,
 * duration, keyframes at the same instants), the thumbnail is a JPEG of the expected size, playback follows the
 * access level. And the failure paths: a text file named .mp4, a truncated file, a missing part, bad URLs.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.video-posts.progress-interval=300ms",
                "flipflop.video-posts.poll-interval=200ms"})
class VideoPostEndToEndTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    /** The source length; the failure paths use a short source, as they stop before or during encoding. */
    private static final double SOURCE_SECONDS = 60;
    private static final double SHORT_SOURCE_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Path source;
    static Path shortSource;

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @LocalServerPort
    int port;

    FlipFlopClient flipflop;
    AppCredentials app;
    MemberTokens owner;
    MemberTokens member;
    MemberTokens guest;
    MemberTokens memberOfAnotherApp;
    Posting posting;

    @DynamicPropertySource
    static void postsOnATemporaryDisk(DynamicPropertyRegistry properties) {
        properties.add("flipflop.video-posts.data-dir", () -> data.toString());
    }

    @BeforeAll
    static void generateSources() throws Exception {
        source = Posting.source("1920x1080", SOURCE_SECONDS);
        shortSource = Posting.source("1920x1080", SHORT_SOURCE_SECONDS);
    }

    @BeforeEach
    void anAppWithMembers() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        flipflop = new FlipFlopClient(http);
        app = flipflop.createApp(flipflop.signUpNew("p"), "Posts");
        posting = new Posting(flipflop, app);
        owner = flipflop.loginMember(app, "owner1", "Owner");
        member = flipflop.loginMember(app, "viewer1", "Viewer");
        guest = http.post().uri("/v2/apps/me/members/login-as-guest")
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk()
                .expectBody(MemberTokens.class).returnResult().getResponseBody();
        AppCredentials other = flipflop.createApp(flipflop.signUpNew("o"), "O");
        memberOfAnotherApp = flipflop.loginMember(other, "viewer1", "Viewer of O");
    }

    @Test
    void anUploadInPartsIsTranscodedToAnAlignedLadderAndPlaysPerAccessLevel() throws Exception {
        long id = createPost("MEMBER");
        byte[] bytes = Files.readAllBytes(source);
        JsonNode urls = requestUrls(id, bytes.length, 3);
        List<String> eTags = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            eTags.add(put(urls.get(part).get("uploadUrl").asText(), slice(bytes, part, 3)));
        }
        // a part uploaded again replaces the first copy: uploads resume per part
        assertThat(put(urls.get(1).get("uploadUrl").asText(), slice(bytes, 1, 3))).isEqualTo(eTags.get(1));

        complete(id, eTags).expectStatus().isOk().expectBody().jsonPath("$.videoPostState").isEqualTo("UPLOADED")
                .jsonPath("$.file.src.size").isEqualTo(bytes.length);
        JsonNode processed = awaitState(id, "PROCESSED");

        // every event from the first: with progress every 300 ms, a slow transcode passes the snapshot threshold, and
        // readEvents(id) would start at the snapshot
        List<Class<?>> events = eventStore.readEvents(String.valueOf(id), 0).asStream().map(EventMessage::getPayload)
                .<Class<?>>map(Object::getClass).toList();
        assertThat(events).containsSubsequence(TranscodingQueued.class, ProcessingStarted.class,
                ProcessingProgressed.class, VideoPostProcessed.class);
        ProcessingProgressed progress = eventStore.readEvents(String.valueOf(id), 0).asStream()
                .map(EventMessage::getPayload).filter(ProcessingProgressed.class::isInstance)
                .map(ProcessingProgressed.class::cast).findFirst().orElseThrow();
        assertThat(progress.percent()).isBetween(0.0, 100.0);

        assertThat(processed.path("processing").path("percent").asDouble()).isEqualTo(100.0);
        assertThat(processed.path("processing").path("renditions")).hasSize(4);
        Map<String, String> urlsByFormat = new java.util.HashMap<>();
        processed.path("file").path("processedSummaries").forEach(summary -> {
            assertThat(summary.path("size").asLong()).isPositive();
            urlsByFormat.put(summary.path("format").asText(), summary.path("url").asText());
        });
        assertThat(urlsByFormat).containsEntry("CMAF_HLS", "/vod/" + id + "/cmaf/master.m3u8")
                .containsEntry("CMAF_MPEG_DASH", "/vod/" + id + "/cmaf/manifest.mpd")
                .containsEntry("MP4", "/vod/" + id + "/mp4/download.mp4");
        String thumbnailUrl = processed.path("file").path("thumbnail").path("url").asText();

        // MEMBER: members of the app and the owner play; anonymous viewers, guests and other apps get 404
        String token = "?streamingToken=" + member.streamingToken();
        for (String refused : List.of("", "?streamingToken=" + guest.streamingToken(),
                "?streamingToken=" + memberOfAnotherApp.streamingToken())) {
            http.get().uri(urlsByFormat.get("CMAF_HLS") + refused).exchange().expectStatus().isNotFound().expectBody().returnResult();
            http.get().uri(thumbnailUrl + refused).exchange().expectStatus().isNotFound().expectBody().returnResult();
        }
        http.get().uri(urlsByFormat.get("CMAF_HLS") + "?streamingToken=" + owner.streamingToken()).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        http.get().uri(urlsByFormat.get("CMAF_HLS") + "?streamingToken=not-a-token").exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult();

        String base = "http://localhost:" + port;
        String master = http.get().uri(urlsByFormat.get("CMAF_HLS") + token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> rungs = master.lines().filter(line -> line.startsWith("media_")).toList();
        assertThat(rungs).hasSize(4);
        List<List<String>> keyframes = new ArrayList<>();
        List<String> resolutions = new ArrayList<>();
        for (String rung : rungs) {
            JsonNode probe = JSON.readTree(run(BundledPrograms.ffprobe("-v", "error", "-select_streams", "v:0",
                    "-show_entries", "stream=width,height:format=duration", "-of", "json",
                    base + "/vod/" + id + "/cmaf/" + rung)));
            resolutions.add(probe.path("streams").get(0).path("width").asInt() + "x"
                    + probe.path("streams").get(0).path("height").asInt());
            assertThat(probe.path("format").path("duration").asDouble()).as(rung)
                    .isCloseTo(SOURCE_SECONDS, org.assertj.core.data.Offset.offset(0.1));
            keyframes.add(run(BundledPrograms.ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries",
                    "packet=pts_time,flags", "-of", "csv=p=0", base + "/vod/" + id + "/cmaf/" + rung))
                    .lines().filter(line -> line.contains("K")).map(line -> line.split(",")[0]).toList());
        }
        assertThat(resolutions).containsExactly("1920x1080", "1280x720", "854x480", "640x360");
        assertThat(keyframes.get(0)).hasSizeGreaterThanOrEqualTo((int) (SOURCE_SECONDS / 2));
        keyframes.forEach(rung -> assertThat(rung).isEqualTo(keyframes.get(0)));
        assertThat(run(BundledPrograms.ffprobe("-v", "error", "-show_entries", "stream=codec_name", "-of",
                "csv=p=0", base + urlsByFormat.get("CMAF_MPEG_DASH") + token))).contains("h264", "aac");

        assertThat(run(BundledPrograms.ffprobe("-v", "error", "-show_entries", "stream=codec_name,width",
                "-of", "csv=p=0", base + urlsByFormat.get("MP4") + token)).lines().toList())
                .containsExactlyInAnyOrder("h264,1920", "aac");
        http.get().uri(urlsByFormat.get("MP4")).exchange().expectStatus().isNotFound().expectBody().returnResult();

        byte[] jpeg = http.get().uri(thumbnailUrl + token).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG).expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(run(BundledPrograms.ffprobe("-v", "error", "-show_entries", "stream=codec_name,width,height",
                "-of", "csv=p=0", base + thumbnailUrl + token)).strip()).isEqualTo("mjpeg,640,360");

        // deleting the post removes its job and every file
        http.delete().uri("/v2/apps/me/video-posts/" + id).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .exchange().expectStatus().isNoContent();
        await().atMost(SOON).until(() -> !Files.exists(data.resolve("media/posts/" + id)));
    }

    @Test
    void thePostsProfilesShapeItsOutputAndThePreviewPlaysPerAccessLevel() throws Exception {
        // the small ladder (720p and 360p, no MP4), the default thumbnail and the default preview (5 s, 320 high)
        long id = http.post().uri("/v2/apps/me/video-posts").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "owner1", "title", "Teaser", "accessLevel", "PRIVATE",
                        "videoProfileId", 2, "previewProfileId", 4))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asLong();
        byte[] bytes = Files.readAllBytes(source);
        String eTag = put(requestUrls(id, bytes.length, 1).get(0).get("uploadUrl").asText(), bytes);
        complete(id, List.of(eTag)).expectStatus().isOk().expectBody().returnResult();
        JsonNode processed = awaitState(id, "PROCESSED");

        assertThat(processed.path("processing").path("renditions").findValuesAsText("height"))
                .containsExactly("720", "360");
        assertThat(processed.path("file").path("processedSummaries").findValuesAsText("format"))
                .containsExactlyInAnyOrder("CMAF_HLS", "CMAF_MPEG_DASH");
        assertThat(processed.path("file").path("thumbnail").path("url").asText())
                .isEqualTo("/vod/" + id + "/images/thumbnail.jpg");
        String preview = processed.path("file").path("preview").path("url").asText();
        assertThat(preview).isEqualTo("/vod/" + id + "/images/preview.mp4");
        assertThat(processed.path("file").path("preview").path("contentType").asText()).isEqualTo("video/mp4");

        // PRIVATE: only the owner plays the preview, as any other file of the post
        http.get().uri(preview).exchange().expectStatus().isNotFound().expectBody().returnResult();
        http.get().uri(preview + "?streamingToken=" + member.streamingToken()).exchange().expectStatus().isNotFound()
                .expectBody().returnResult();
        String url = "http://localhost:" + port + preview + "?streamingToken=" + owner.streamingToken();
        assertThat(run(BundledPrograms.ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,height", "-of", "csv=p=0", url)).strip()).isEqualTo("h264,320");
        assertThat(Double.parseDouble(run(BundledPrograms.ffprobe("-v", "error", "-show_entries", "format=duration",
                "-of", "csv=p=0", url)).strip())).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(run(BundledPrograms.ffprobe("-v", "error", "-select_streams", "a", "-show_entries",
                "stream=codec_type", "-of", "csv=p=0", url)).strip()).as("no audio").isEmpty();
    }

    @Test
    void aCancelledJobIsKilledAndARetryRunsItAgain() throws Exception {
        long id = createPost("PUBLIC");
        byte[] bytes = Files.readAllBytes(shortSource);
        String eTag = put(requestUrls(id, bytes.length, 1).get(0).get("uploadUrl").asText(), bytes);
        complete(id, List.of(eTag)).expectStatus().isOk().expectBody().returnResult();
        awaitState(id, "PROCESSING");
        write(HttpMethod.POST, "/v2/apps/me/video-posts/" + id + "/transcoding/cancel").expectStatus().isOk()
                .expectBody().jsonPath("$.videoPostState").isEqualTo("FAILED_PROCESSING")
                .jsonPath("$.processing.failureReason").isEqualTo("CANCELLED");
        // the running ffmpeg is killed and its partial output removed; the source stays for a retry
        await().atMost(SOON).until(() -> !Files.exists(data.resolve("media/posts/" + id + "/work")));
        assertThat(data.resolve("media/posts/" + id + "/source")).exists();
        http.get().uri("/vod/" + id + "/cmaf/master.m3u8").exchange().expectStatus().isNotFound().expectBody().returnResult();

        write(HttpMethod.POST, "/v2/apps/me/video-posts/" + id + "/transcoding/retry").expectStatus().isOk().expectBody().returnResult();
        JsonNode processed = awaitState(id, "PROCESSED");
        assertThat(processed.path("processing").path("attempt").asInt()).isEqualTo(2);
        http.get().uri("/vod/" + id + "/cmaf/master.m3u8").exchange().expectStatus().isOk().expectBody().returnResult();
        write(HttpMethod.POST, "/v2/apps/me/video-posts/" + id + "/transcoding/retry").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode")
                .isEqualTo("VIDEO_POST_STATE_NOT_FAILED_QUEUING_OR_FAILED_PROCESSING");
    }

    /**
     * 256 MB streamed, generated on the fly: the server writes the bytes to disk as they come, so the
     * heap it holds at any moment (sampled after a full collection) stays far below the part's size.
     */
    @Test
    void aLargePartStreamsToDiskWithoutFillingTheHeap() throws Exception {
        long id = createPost("PUBLIC");
        int buffers = 4096;
        int bufferSize = 64 * 1024;
        long size = (long) buffers * bufferSize;
        String url = requestUrls(id, size, 1).get(0).get("uploadUrl").asText();
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        long baseline = usedHeapAfterCollection();
        long[] peak = {0};
        // a plain HTTP client: WebTestClient keeps request bodies for its failure messages
        java.io.InputStream generated = new java.io.InputStream() {
            private int buffer = -1;
            private int at = bufferSize;
            private final byte[] bytes = new byte[bufferSize];

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (at == bufferSize) {
                    if (++buffer == buffers) {
                        return -1;
                    }
                    if (buffer % 512 == 0) {
                        peak[0] = Math.max(peak[0], usedHeapAfterCollection() - baseline);
                    }
                    Arrays.fill(bytes, (byte) buffer);
                    md5.update(bytes);
                    at = 0;
                }
                int count = Math.min(length, bufferSize - at);
                System.arraycopy(bytes, at, into, offset, count);
                at += count;
                return count;
            }
        };
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> generated)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String eTag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(eTag).isEqualTo("\"" + java.util.HexFormat.of().formatHex(md5.digest()) + "\"");
        assertThat(peak[0]).as("heap held while %d bytes streamed", size).isLessThan(size / 4);
        assertThat(Files.size(data.resolve("media/posts/" + id + "/upload")
                .resolve(Files.list(data.resolve("media/posts/" + id + "/upload")).findFirst().orElseThrow()
                        .getFileName()).resolve("part-1"))).isEqualTo(size);
        http.delete().uri("/v2/apps/me/video-posts/" + id).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .exchange().expectStatus().isNoContent();
        await().atMost(SOON).until(() -> !Files.exists(data.resolve("media/posts/" + id)));
    }

    private static long usedHeapAfterCollection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aTextFileNamedMp4FailsTheUploadWithAReason() {
        long id = createPost("PUBLIC");
        byte[] text = "this is not a video, only text pretending to be one\n".repeat(20).getBytes();
        JsonNode urls = requestUrls(id, text.length, 1);
        String eTag = put(urls.get(0).get("uploadUrl").asText(), text);
        complete(id, List.of(eTag)).expectStatus().isOk().expectBody().returnResult();
        JsonNode failed = awaitState(id, "FAILED_UPLOAD");
        assertThat(failed.path("processing").path("failureReason").asText()).startsWith("Not a readable video file");
        assertThat(failed.path("uploadFailedAt").isNull()).isFalse();
        http.get().uri("/vod/" + id + "/cmaf/master.m3u8").exchange().expectStatus().isNotFound().expectBody().returnResult();
    }

    @Test
    void aPartIsTakenWhateverContentTypeItIsSentWith() {
        long id = createPost("PUBLIC");
        byte[] bytes = "0123456789".repeat(10).getBytes();
        String url = requestUrls(id, bytes.length, 1).get(0).get("uploadUrl").asText();
        // curl --data-binary sends a form type unless told otherwise
        String eTag = http.put().uri(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(bytes)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseHeaders().getETag();
        assertThat(eTag).isNotBlank().isEqualTo(put(url, bytes));
    }

    @Test
    void aTruncatedFileFailsTheUploadWithAReason() throws IOException {
        long id = createPost("PUBLIC");
        byte[] bytes = Files.readAllBytes(shortSource);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        JsonNode urls = requestUrls(id, truncated.length, 1);
        String eTag = put(urls.get(0).get("uploadUrl").asText(), truncated);
        complete(id, List.of(eTag)).expectStatus().isOk().expectBody().returnResult();
        assertThat(awaitState(id, "FAILED_UPLOAD").path("processing").path("failureReason").asText())
                .isNotBlank();
    }

    @Test
    void aMissingPartIsNamedAndTheUploadResumes() {
        long id = createPost("PUBLIC");
        byte[] bytes = "0123456789".repeat(30).getBytes();
        JsonNode urls = requestUrls(id, bytes.length, 3);
        String first = put(urls.get(0).get("uploadUrl").asText(), slice(bytes, 0, 3));
        String third = put(urls.get(2).get("uploadUrl").asText(), slice(bytes, 2, 3));
        complete(id, List.of(first, "missing", third)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_UPLOAD_PART_MISSING")
                .jsonPath("$.errorMessage").value(message -> assertThat((String) message).contains("[2]"));
        String second = put(urls.get(1).get("uploadUrl").asText(), slice(bytes, 1, 3));
        complete(id, List.of(first, second, third)).expectStatus().isOk().expectBody()
                .jsonPath("$.videoPostState").isEqualTo("UPLOADED");
    }

    @Test
    void partUrlsAreCheckedBeforeAnyByteIsKept() {
        long id = createPost("PUBLIC");
        JsonNode urls = requestUrls(id, 100, 2);
        String url = urls.get(0).get("uploadUrl").asText();
        http.put().uri(url.replace("signature=", "signature=0")).bodyValue(new byte[10]).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_UPLOAD_URL");
        http.put().uri(url.replaceAll("expires=\\d+", "expires=1")).bodyValue(new byte[10]).exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
        http.put().uri(url.replace("/upload/1?", "/upload/2?")).bodyValue(new byte[10]).exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
        http.put().uri(url).bodyValue(new byte[101]).exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_POST_UPLOAD_PART_TOO_LARGE");
        put(url, new byte[60]);
        // the second part may only take what the first left of the declared 100 bytes
        http.put().uri(urls.get(1).get("uploadUrl").asText()).bodyValue(new byte[41]).exchange()
                .expectStatus().isEqualTo(413).expectBody().returnResult();
        put(urls.get(1).get("uploadUrl").asText(), new byte[40]);
        // a new request for URLs replaces the upload: the old URLs no longer store anything
        requestUrls(id, 100, 1);
        http.put().uri(url).bodyValue(new byte[10]).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_UPLOAD_NOT_CURRENT");
    }

    private long createPost(String accessLevel) {
        return posting.create("owner1", "Clip", accessLevel);
    }

    private JsonNode requestUrls(long id, long size, int parts) {
        return posting.requestUrls(id, size, parts);
    }

    private String put(String url, byte[] part) {
        return posting.put(url, part);
    }

    private WebTestClient.ResponseSpec complete(long id, List<String> eTags) {
        return posting.complete(id, eTags);
    }

    private WebTestClient.ResponseSpec write(HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange();
    }

    private JsonNode awaitState(long id, String state) {
        return posting.awaitState(id, state);
    }
}
