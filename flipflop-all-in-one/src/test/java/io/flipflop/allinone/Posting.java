package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The app server's calls around a video post, spelled once for the end-to-end tests: generate a source with the
 * real ffmpeg, create a post, upload the source in parts to its signed URLs, complete the upload, and wait for a
 * state.
 */
record Posting(FlipFlopClient flipflop, AppCredentials app) {

    static final Duration TRANSCODING = Duration.ofMinutes(4);

    /**
     * A synthetic H.264/AAC MP4 of {@code seconds} at {@code size} (e.g. {@code 1920x1080}), at 3 Mbit/s: a 60 s
     * 1080p source is then 23 MB, small enough for a test to hold in its heap.
     */
    static Path source(String size, double seconds) throws IOException, InterruptedException {
        Path source = Files.createTempFile("source-" + size, ".mp4");
        run(BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=30", "-f", "lavfi",
                "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "3M", "-pix_fmt", "yuv420p", "-c:a", "aac",
                source.toString()));
        return source;
    }

    /** Creates a post of the member {@code appUserId}; answers its id. */
    long create(String appUserId, String title, String accessLevel) {
        return http().post().uri("/v2/apps/me/video-posts").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", appUserId, "title", title, "accessLevel", accessLevel))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asLong();
    }

    /** Uploads {@code bytes} in {@code parts} parts and completes the upload: the post is then UPLOADED. */
    void upload(long id, byte[] bytes, int parts) {
        JsonNode urls = requestUrls(id, bytes.length, parts);
        List<String> eTags = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            eTags.add(put(urls.get(part).get("uploadUrl").asText(), slice(bytes, part, parts)));
        }
        complete(id, eTags).expectStatus().isOk().expectBody().jsonPath("$.videoPostState").isEqualTo("UPLOADED");
    }

    JsonNode requestUrls(long id, long size, int parts) {
        return http().post().uri("/v2/apps/me/video-posts/" + id + "/src-file/request-upload-urls")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("filename", "clip.mp4", "size", size, "contentType", "video/mp4",
                        "multipartCount", parts))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** PUTs a part to its signed URL and answers the ETag. */
    String put(String url, byte[] part) {
        return http().method(HttpMethod.PUT).uri(url).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(part)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseHeaders()
                .getETag();
    }

    WebTestClient.ResponseSpec complete(long id, List<String> eTags) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int i = 0; i < eTags.size(); i++) {
            parts.add(Map.of("partNumber", i + 1, "eTag", eTags.get(i)));
        }
        return http().post().uri("/v2/apps/me/video-posts/" + id + "/src-file/complete-upload")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(parts).exchange();
    }

    /** The post once the App API shows it in {@code state}. */
    JsonNode awaitState(long id, String state) {
        return await().atMost(TRANSCODING).pollInterval(Duration.ofMillis(250)).until(() -> flipflop.asApp(app,
                        "/v2/apps/me/video-posts/" + id).exchange().expectBody(JsonNode.class).returnResult()
                        .getResponseBody(),
                post -> post != null && state.equals(post.path("videoPostState").asText()));
    }

    /** Part {@code index} of {@code count} by the reference's formula; the last part runs to the end. */
    static byte[] slice(byte[] bytes, int index, int count) {
        int chunk = bytes.length / count;
        int end = index == count - 1 ? bytes.length : (index + 1) * chunk;
        return Arrays.copyOfRange(bytes, index * chunk, end);
    }

    static String run(ProcessBuilder program) throws IOException, InterruptedException {
        Process process = program.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private WebTestClient http() {
        return flipflop.http();
    }
}
