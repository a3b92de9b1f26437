package io.flipflop.allinone;

import static io.flipflop.allinone.Posting.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.media.ffmpeg.BundledPrograms;
import io.flipflop.platform.security.UploadUrlSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Thumbnail and preview uploads of a post (reference §10.8) over HTTP with the real ffmpeg and ffprobe: a generated
 * PNG becomes the post's JPEG thumbnail, a generated clip its silent H.264 preview; files that are not what they
 * claim are refused and leave nothing behind; other apps and bad URLs are refused.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class VideoPostPicturesTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    @Autowired
    WebTestClient http;
    @Autowired
    UploadUrlSigner signer;

    FlipFlopClient flipflop;
    AppCredentials app;
    AppCredentials otherApp;
    Posting posting;

    @DynamicPropertySource
    static void postsOnATemporaryDisk(DynamicPropertyRegistry properties) {
        properties.add("flipflop.video-posts.data-dir", () -> data.toString());
    }

    @BeforeEach
    void twoApps() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        flipflop = new FlipFlopClient(http);
        app = flipflop.createApp(flipflop.signUpNew("t"), "Pictures");
        otherApp = flipflop.createApp(flipflop.signUpNew("u"), "Other");
        posting = new Posting(flipflop, app);
        flipflop.loginMember(app, "owner1", "Owner");
    }

    @Test
    void anUploadedPngBecomesTheJpegThumbnailAndFilesThatAreNoPicturesChangeNothing() throws Exception {
        long id = createPost("PUBLIC");
        byte[] png = generate("cover.png", "testsrc2=size=320x240", "-frames:v", "1");
        JsonNode url = requestUrl(app, id, "thumbnail", "cover.png", png.length, "image/png").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(url.path("partNumber").asInt()).isEqualTo(1);
        assertThat(url.path("uplaodUrl").asText()).isEqualTo(url.path("uploadUrl").asText());
        // sent with the file's own type, as browsers and S3-style clients do
        String eTag = http.put().uri(url.path("uploadUrl").asText()).contentType(MediaType.IMAGE_PNG).bodyValue(png)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseHeaders()
                .getETag();

        complete(app, id, "thumbnail", Map.of("eTag", eTag)).expectStatus().isOk().expectBody()
                .jsonPath("$.videoPostState").isEqualTo("CREATED")
                .jsonPath("$.file.thumbnail.url").isEqualTo("/vod/" + id + "/images/thumbnail.jpg")
                .jsonPath("$.file.thumbnail.contentType").isEqualTo("image/jpeg")
                .jsonPath("$.file.thumbnail.originalFileName").isEqualTo("cover.png");
        byte[] thumbnail = awaitServed("/vod/" + id + "/images/thumbnail.jpg");
        JsonNode picture = probe(thumbnail, "thumbnail.jpg").path("streams").get(0);
        assertThat(picture.path("codec_name").asText()).isEqualTo("mjpeg");
        assertThat(picture.path("width").asInt()).isEqualTo(320);
        assertThat(picture.path("height").asInt()).isEqualTo(240);
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(app, "/v2/apps/me/video-posts/" + id).exchange()
                .expectBody().jsonPath("$.file.thumbnail.size").isEqualTo(thumbnail.length)
                .jsonPath("$.file.thumbnail.originalFileName").isEqualTo("cover.png"));

        byte[] text = "hello, I am a text file named .png".getBytes();
        JsonNode fake = requestUrl(app, id, "thumbnail", "fake.png", text.length, "image/png").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        refusedPut(fake.path("uploadUrl").asText(), text, "INVALID_VIDEO_POST_THUMBNAIL_FILE");
        complete(app, id, "thumbnail", Map.of("eTag", "\"0123\"")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_THUMBNAIL_NOT_UPLOADED");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        JsonNode cut = requestUrl(app, id, "thumbnail", "cut.png", truncated.length, "image/png")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        refusedPut(cut.path("uploadUrl").asText(), truncated, "INVALID_VIDEO_POST_THUMBNAIL_FILE");

        assertThat(served("/vod/" + id + "/images/thumbnail.jpg")).isEqualTo(thumbnail);
        flipflop.asApp(app, "/v2/apps/me/video-posts/" + id).exchange().expectBody()
                .jsonPath("$.file.thumbnail.originalFileName").isEqualTo("cover.png");
        Path post = data.resolve("media").resolve("posts").resolve(Long.toString(id));
        assertThat(filesUnder(post)).containsExactly(post.resolve("images").resolve("thumbnail.jpg"));
    }

    @Test
    void anUploadedClipBecomesASilentH264PreviewCompletedInTheSrcFileForm() throws Exception {
        long id = createPost("PUBLIC");
        byte[] clip = generate("teaser.mp4", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        JsonNode url = requestUrl(app, id, "preview", "teaser.mp4", clip.length, "video/mp4").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String eTag = posting.put(url.path("uploadUrl").asText(), clip);

        complete(app, id, "preview", List.of(Map.of("partNumber", 1, "eTag", eTag))).expectStatus().isOk()
                .expectBody().jsonPath("$.file.preview.url").isEqualTo("/vod/" + id + "/images/preview.mp4")
                .jsonPath("$.file.preview.contentType").isEqualTo("video/mp4")
                .jsonPath("$.file.preview.originalFileName").isEqualTo("teaser.mp4");
        JsonNode preview = probe(awaitServed("/vod/" + id + "/images/preview.mp4"), "preview.mp4");
        assertThat(preview.path("streams")).hasSize(1);
        JsonNode video = preview.path("streams").get(0);
        assertThat(video.path("codec_name").asText()).isEqualTo("h264");
        assertThat(video.path("width").asInt()).isEqualTo(640);
        assertThat(video.path("height").asInt()).isEqualTo(360);
        assertThat(preview.path("format").path("duration").asDouble()).isBetween(2.9, 3.1);
    }

    @Test
    void aTranscodeAfterTheUploadKeepsTheUploadedThumbnail() throws Exception {
        long id = createPost("PUBLIC");
        byte[] png = generate("cover.png", "color=c=blue:size=96x64", "-frames:v", "1");
        String eTag = posting.put(requestUrl(app, id, "thumbnail", "cover.png", png.length, "image/png")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("uploadUrl").asText(), png);
        complete(app, id, "thumbnail", Map.of("eTag", eTag)).expectStatus().isOk();
        byte[] uploaded = awaitServed("/vod/" + id + "/images/thumbnail.jpg");

        byte[] source = generate("source.mp4", "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        JsonNode parts = http.post().uri("/v2/apps/me/video-posts/" + id + "/src-file/request-upload-urls")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("filename", "source.mp4", "size", source.length, "contentType", "video/mp4"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String part = posting.put(parts.get(0).path("uploadUrl").asText(), source);
        http.post().uri("/v2/apps/me/video-posts/" + id + "/src-file/complete-upload")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(List.of(Map.of("partNumber", 1, "eTag", part))).exchange().expectStatus().isOk();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> flipflop
                .asApp(app, "/v2/apps/me/video-posts/" + id).exchange().expectBody()
                .jsonPath("$.videoPostState").isEqualTo("PROCESSED"));

        flipflop.asApp(app, "/v2/apps/me/video-posts/" + id).exchange().expectBody()
                .jsonPath("$.file.thumbnail.originalFileName").isEqualTo("cover.png")
                .jsonPath("$.file.thumbnail.size").isEqualTo(uploaded.length);
        assertThat(served("/vod/" + id + "/images/thumbnail.jpg")).isEqualTo(uploaded);
        assertThat(data.resolve("media").resolve("posts").resolve(Long.toString(id)).resolve("out")
                .resolve("thumbnail.jpg")).exists();
    }

    @Test
    void anotherAppsCredentialsBadDeclarationsAndBadUrlsAreRefused() {
        long id = createPost("PRIVATE");
        requestUrl(otherApp, id, "thumbnail", "a.png", 10, "image/png").expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND");
        complete(otherApp, id, "preview", Map.of("eTag", "e")).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND");
        requestUrl(app, id, "thumbnail", "a.gif", 10, "image/gif").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("UNSUPPORTED_VIDEO_POST_THUMBNAIL_CONTENT_TYPE");
        requestUrl(app, id, "preview", "a.mp4", 200L << 20, "video/mp4").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_PREVIEW_SIZE_UPPER_LIMIT_EXCEEDED");
        complete(app, id, "thumbnail", Map.of("nothing", "here")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("INVALID_HTTP_MESSAGE_BODY");

        String url = requestUrl(app, id, "thumbnail", "a.png", 100, "image/png").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("uploadUrl").asText();
        for (String forged : List.of(url.replace("signature=", "signature=0"),
                url.replaceAll("expires=\\d+", "expires=1"), url.replace("/upload/thumbnail?", "/upload/preview?"),
                url.replace("/upload/thumbnail?", "/upload/1?"), expiredButSigned(id, url))) {
            http.put().uri(forged).bodyValue(new byte[100]).exchange().expectStatus().isForbidden().expectBody()
                    .jsonPath("$.errorCode").isEqualTo("INVALID_UPLOAD_URL");
        }
        http.put().uri(url).bodyValue(new byte[101]).exchange().expectStatus().isEqualTo(413).expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_THUMBNAIL_UPLOAD_TOO_LARGE");
        refusedPut(url, new byte[99], "VIDEO_POST_THUMBNAIL_UPLOAD_SIZE_MISMATCH");

        // no thumbnail yet, and a PRIVATE post's pictures are not anyone's to see
        http.get().uri("/vod/" + id + "/images/thumbnail.jpg").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND");
    }

    @Test
    void anUploadToADeletedPostIsRefusedAndLeavesNothingOnDisk() throws Exception {
        long id = createPost("PUBLIC");
        byte[] png = generate("late.png", "testsrc2=size=64x48", "-frames:v", "1");
        String url = requestUrl(app, id, "thumbnail", "late.png", png.length, "image/png").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("uploadUrl").asText();
        http.delete().uri("/v2/apps/me/video-posts/" + id).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .exchange().expectStatus().isNoContent();

        http.put().uri(url).bodyValue(png).exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND");
        assertThat(data.resolve("media").resolve("posts").resolve(Long.toString(id))).doesNotExist();
    }

    @Test
    void theFourOperationsAreInTheOpenApiDocumentUnderTheReferencesIds() {
        String base = "$.paths['/v2/apps/me/video-posts/{videoPostId}/";
        flipflop.apiDocument()
                .jsonPath(base + "thumbnail/request-upload-url'].post.operationId")
                .isEqualTo("requestVideoPostThumbnailUploadUrl")
                .jsonPath(base + "thumbnail/complete-upload'].post.operationId")
                .isEqualTo("completeVideoPostThumbnailUpload")
                .jsonPath(base + "preview/request-upload-url'].post.operationId")
                .isEqualTo("requestVideoPostPreviewUploadUrl")
                .jsonPath(base + "preview/complete-upload'].post.operationId")
                .isEqualTo("completeVideoPostPreviewUpload");
    }

    /** The upload URL's own upload, signed with the real key but already expired. */
    private String expiredButSigned(long id, String url) {
        Map<String, List<String>> query = UriComponentsBuilder.fromUriString(url).build().getQueryParams();
        String uploadId = query.get("uploadId").get(0);
        Instant past = Instant.now().minusSeconds(1);
        String signature = signer.signature(new UploadUrlSigner.AssetGrant(id, "thumbnail", uploadId, 100, past));
        return UriComponentsBuilder.fromUriString(url).replaceQueryParam("expires", past.getEpochSecond())
                .replaceQueryParam("signature", signature).toUriString();
    }

    private long createPost(String accessLevel) {
        return posting.create("owner1", "Clip", accessLevel);
    }

    private WebTestClient.ResponseSpec requestUrl(AppCredentials as, long id, String asset, String filename,
                                                  long size, String contentType) {
        return http.post().uri("/v2/apps/me/video-posts/" + id + "/" + asset + "/request-upload-url")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(as.apiKey(), as.apiSecret()))
                .bodyValue(Map.of("filename", filename, "size", size, "contentType", contentType)).exchange();
    }

    private WebTestClient.ResponseSpec complete(AppCredentials as, long id, String asset, Object body) {
        return http.method(HttpMethod.POST).uri("/v2/apps/me/video-posts/" + id + "/" + asset + "/complete-upload")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(as.apiKey(), as.apiSecret()))
                .bodyValue(body).exchange();
    }

    private void refusedPut(String url, byte[] file, String code) {
        http.put().uri(url).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(file).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode").isEqualTo(code);
    }

    /** The completion is applied by the media worker's event processing: the file is there moments later. */
    private byte[] awaitServed(String path) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> served(path),
                bytes -> bytes != null);
    }

    private byte[] served(String path) {
        var result = http.get().uri(path).exchange().expectBody(byte[].class).returnResult();
        return result.getStatus().is2xxSuccessful() ? result.getResponseBody() : null;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] generate(String name, String lavfi, String... more) throws Exception {
        Path file = Files.createTempDirectory("picture").resolve(name);
        String[] arguments = Stream.of(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi",
                "-i", lavfi), Arrays.asList(more), List.of(file.toString())).flatMap(List::stream)
                .toArray(String[]::new);
        run(BundledPrograms.ffmpeg(arguments));
        return Files.readAllBytes(file);
    }

    private static JsonNode probe(byte[] bytes, String name) throws Exception {
        Path file = Files.createTempDirectory("served").resolve(name);
        Files.write(file, bytes);
        return JSON.readTree(run(BundledPrograms.ffprobe("-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString())));
    }
}
