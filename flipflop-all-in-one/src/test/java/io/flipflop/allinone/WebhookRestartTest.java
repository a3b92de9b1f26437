package io.flipflop.allinone;

import static io.flipflop.allinone.WebhookDeliveryTest.CALLBACK_ID;
import static io.flipflop.allinone.WebhookDeliveryTest.CALLBACK_PASSWORD;
import static io.flipflop.allinone.WebhookDeliveryTest.SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.query.webhook.WebhookProcessing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * FlipFlop stops while a room's first delivery is being retried, and after a second change of the room that the
 * delivery processor had not handled yet (it was stopped first). Started again on the same data, it sends both, in
 * order, and records no delivery twice: the dispatcher resumes from the records, the processor from its token.
 */
class WebhookRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void nothingIsLostAcrossARestartInTheMiddleOfARetry() {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            receiver.answer = (request, earlier) -> 500;
            ConsoleSession session;
            AppCredentials app;
            long roomId;
            try (ConfigurableApplicationContext first = start()) {
                FlipFlopClient flipflop = client(first);
                session = flipflop.signUp("restart@example.com", "restart password");
                app = flipflop.createApp(session, "Restarted");
                flipflop.asConsoleUser(session, PUT, callbackPath(app), Map.of("callbackUrl", receiver.url(),
                        "callbackId", CALLBACK_ID, "callbackPassword", CALLBACK_PASSWORD)).expectStatus().isOk();
                flipflop.loginMember(app, "host1", "Host");
                roomId = createRoom(flipflop, app);
                await().atMost(SOON).until(() -> receiver.about("videoRoomId", roomId).size() >= 2);
                first.getBean(EventProcessingConfiguration.class)
                        .eventProcessor(WebhookProcessing.PROCESSING_GROUP, TrackingEventProcessor.class)
                        .orElseThrow().shutDown();
                flipflop.http().post().uri("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/cancelled")
                        .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange()
                        .expectStatus().isOk();
                assertThat(deliveries(flipflop, session, app)).hasSize(1);
            }
            assertThat(types(receiver.about("videoRoomId", roomId))).containsOnly("VIDEO_ROOM_SCHEDULED");

            receiver.answer = (request, earlier) -> 200;
            try (ConfigurableApplicationContext second = start()) {
                FlipFlopClient flipflop = client(second);
                await().atMost(SOON).untilAsserted(() -> assertThat(receiver.about("videoRoomId", roomId))
                        .extracting(r -> r.type() + " " + r.answeredWith())
                        .endsWith("VIDEO_ROOM_SCHEDULED 200", "VIDEO_ROOM_CANCELLED 200"));
                await().atMost(SOON).untilAsserted(() -> assertThat(deliveries(flipflop, session, app))
                        .extracting(d -> d.get("type").asText() + " " + d.get("state").asText())
                        .containsExactly("VIDEO_ROOM_CANCELLED DELIVERED", "VIDEO_ROOM_SCHEDULED DELIVERED"));
                JsonNode scheduled = deliveries(flipflop, session, app).get(1);
                assertThat(scheduled.get("attempts").size()).isGreaterThanOrEqualTo(3);
                long newRoom = createRoom(flipflop, app);
                await().atMost(SOON).until(() -> !receiver.about("videoRoomId", newRoom).isEmpty());
                assertThat(deliveries(flipflop, session, app)).hasSize(3);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because they outrank application.yml (builder properties do not).
        return new SpringApplicationBuilder(FlipFlopAllInOne.class)
                .run("--server.port=0", "--flipflop.mongodb.data-dir=" + dataDir,
                        "--flipflop.webhooks.attempt-timeout=1s", "--flipflop.webhooks.initial-backoff=200ms",
                        "--flipflop.webhooks.max-backoff=500ms", "--flipflop.webhooks.poll-interval=100ms",
                        "--flipflop.webhooks.allow-private-addresses=true");
    }

    private static FlipFlopClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new FlipFlopClient(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build());
    }

    private static String callbackPath(AppCredentials app) {
        return "/console/v1/apps/" + app.appId() + "/callback";
    }

    private static long createRoom(FlipFlopClient flipflop, AppCredentials app) {
        return flipflop.http().post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "Restarted show",
                        "scheduledAt", Instant.now().plusSeconds(3600).toString()))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asLong();
    }

    private static List<JsonNode> deliveries(FlipFlopClient flipflop, ConsoleSession session, AppCredentials app) {
        JsonNode log = flipflop.asConsoleUser(session, GET, callbackPath(app) + "/deliveries", null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return StreamSupport.stream(log.get("deliveries").spliterator(), false).toList();
    }

    private static List<String> types(List<CallbackReceiver.Received> requests) {
        return requests.stream().map(CallbackReceiver.Received::type).toList();
    }
}
