package io.flipflop.allinone;

import static io.flipflop.allinone.Broadcasting.SOON;
import static io.flipflop.allinone.Broadcasting.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * OBS's part played by the real {@code ffmpeg} program: it publishes a synthetic 720p30 H.264/AAC stream over
 * RTMP to the all-in-one platform; the stream key and the room follow the publisher through the public API, and
 * viewers play the CMAF output over HTTP as the room's access level allows, read back with {@code ffprobe}.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class RtmpPublishEndToEndTest extends PublishingTest {

    FlipFlopClient flipflop;
    AppCredentials app;
    Broadcasting broadcasting;
    String streamKey;

    @BeforeEach
    void aMemberWithAStreamKey() {
        flipflop = new FlipFlopClient(http);
        app = flipflop.createApp(flipflop.signUp("obs" + System.nanoTime() + "@example.com", "obs password"), "OBS");
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
}
