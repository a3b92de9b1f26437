package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A transcoding job killed mid-way by a worker restart resumes: FlipFlop stops while ffmpeg runs (the job's lease
 * is left to lapse), starts again on the same data, and the new worker takes the job as attempt 2 and finishes it.
 */
class VideoPostJobSurvivesRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aJobRunningWhenTheWorkerStopsIsTakenAgainAfterTheRestart() throws Exception {
        Path source = dataDir.resolve("source.mp4");
        Process ffmpeg = BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                source.toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        byte[] bytes = Files.readAllBytes(source);

        AppCredentials app;
        long id;
        try (ConfigurableApplicationContext first = start()) {
            FlipFlopClient flipflop = client(first);
            app = flipflop.createApp(flipflop.signUpNew("r"), "Restart");
            flipflop.loginMember(app, "owner1", "Owner");
            WebTestClient http = flipflop.http();
            id = http.post().uri("/v2/apps/me/video-posts").contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                    .bodyValue(Map.of("appUserId", "owner1", "title", "Long job")).exchange()
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("id").asLong();
            String url = http.post().uri("/v2/apps/me/video-posts/" + id + "/src-file/request-upload-urls")
                    .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                    .bodyValue(Map.of("filename", "clip.mp4", "size", bytes.length, "contentType", "video/mp4"))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get(0).get("uploadUrl").asText();
            String eTag = http.put().uri(url).bodyValue(bytes).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseHeaders().getETag();
            http.post().uri("/v2/apps/me/video-posts/" + id + "/src-file/complete-upload")
                    .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                    .bodyValue(List.of(Map.of("partNumber", 1, "eTag", eTag))).exchange().expectStatus().isOk().expectBody().returnResult();
            JsonNode running = awaitPost(flipflop, app, id, post -> "PROCESSING".equals(post.path("videoPostState")
                    .asText()) && post.path("processing").path("percent").asDouble() > 0);
            assertThat(running.path("processing").path("attempt").asInt()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start()) {
            FlipFlopClient flipflop = client(second);
            JsonNode processed = awaitPost(flipflop, app, id,
                    post -> "PROCESSED".equals(post.path("videoPostState").asText()));
            assertThat(processed.path("processing").path("attempt").asInt()).isEqualTo(2);
            assertThat(dataDir.resolve("media/posts/" + id + "/work")).doesNotExist();
            flipflop.http().get().uri("/vod/" + id + "/cmaf/master.m3u8").exchange().expectStatus().isOk().expectBody().returnResult();
        }
    }

    private JsonNode awaitPost(FlipFlopClient flipflop, AppCredentials app, long id,
                               java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> flipflop
                .asApp(app, "/v2/apps/me/video-posts/" + id).exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody(), post -> post != null && condition.test(post));
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because they outrank application.yml (builder properties do not).
        return new SpringApplicationBuilder(FlipFlopAllInOne.class)
                .run("--server.port=0", "--flipflop.rtmp.port=0", "--flipflop.mongodb.data-dir=" + dataDir,
                        "--flipflop.cmaf.data-dir=" + dataDir, "--flipflop.video-posts.data-dir=" + dataDir,
                        "--flipflop.video-posts.lease=2s", "--flipflop.video-posts.poll-interval=200ms",
                        "--flipflop.video-posts.progress-interval=200ms");
    }

    private static FlipFlopClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new FlipFlopClient(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }
}
