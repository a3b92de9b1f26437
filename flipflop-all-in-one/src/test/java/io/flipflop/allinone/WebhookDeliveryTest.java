package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.command.broadcast.MediaWorkerCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Webhooks end to end: registered through the console API, triggered by real state changes, received by a real
 * HTTP server on the loopback interface, which is why private addresses are allowed here. Backoff and timeouts are
 * made small by the settings below.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "logging.level.io.flipflop=DEBUG",
                "flipflop.webhooks.attempt-timeout=1s", "flipflop.webhooks.initial-backoff=200ms",
                "flipflop.webhooks.max-backoff=500ms", "flipflop.webhooks.poll-interval=100ms",
                "flipflop.webhooks.allow-private-addresses=true", "flipflop.video-posts.progress-interval=200ms"})
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryTest {

    static final Duration SOON = Duration.ofSeconds(15);
    static final String CALLBACK_ID = "shop-hooks";
    static final String CALLBACK_PASSWORD = "callback-password-that-must-stay-hidden";
    private static final String WORKER = "test-worker";

    @Autowired
    WebTestClient http;

    @Autowired
    MediaWorkerCommands worker;

    @Autowired
    MongoDatabase database;

    FlipFlopClient flipflop;
    ConsoleSession session;
    AppCredentials app;
    CallbackReceiver receiver;
    String signingSecret;

    @BeforeEach
    void anAppWithARegisteredCallback() {
        flipflop = new FlipFlopClient(http.mutate().responseTimeout(Duration.ofSeconds(20)).build());
        session = flipflop.signUpNew("hooks");
        app = flipflop.createApp(session, "Hooked");
        receiver = new CallbackReceiver();
        JsonNode registered = register(receiver.url()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(registered.get("registered").asBoolean()).isTrue();
        assertThat(registered.get("callbackUrl").asText()).isEqualTo(receiver.url());
        assertThat(registered.has("callbackPassword")).isFalse();
        signingSecret = registered.get("signingSecret").asText();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aTestDeliveryIsSignedAndCarriesTheCallbacksBasicCredentials() {
        String deliveryId = sendTest();

        CallbackReceiver.Received request = await().atMost(SOON).until(() -> receiver.received(), r -> !r.isEmpty())
                .get(0);
        assertThat(request.deliveryId()).isEqualTo(deliveryId);
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (CALLBACK_ID + ":" + CALLBACK_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.signedWith(signingSecret)).isTrue();
        assertThat(request.signedWith("another secret")).isFalse();
        assertThat(Long.parseLong(request.timestamp()))
                .isBetween(Instant.now().minusSeconds(300).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(request.type()).isEqualTo("CALLBACK_TEST");
        assertThat(request.json().get("data").get("appId").asLong()).isEqualTo(app.appId());

        JsonNode delivery = awaitDelivery(deliveryId, "DELIVERED");
        assertThat(delivery.get("type").asText()).isEqualTo("CALLBACK_TEST");
        assertThat(delivery.get("attempts")).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void theRegistrationIsReadBackWithoutItsSecretsAndASecondOneKeepsTheSigningSecret() {
        await().atMost(SOON).untilAsserted(() -> flipflop.asConsoleUser(session, GET, callbackPath(), null)
                .expectStatus().isOk().expectBody().json("{\"registered\":true,\"callbackUrl\":\"" + receiver.url()
                        + "\",\"callbackId\":\"" + CALLBACK_ID + "\"}", true));

        register(receiver.url()).expectStatus().isOk().expectBody().jsonPath("$.signingSecret").doesNotExist();
        String testId = sendTest();
        await().atMost(SOON).until(() -> receiver.received().stream().anyMatch(r -> r.deliveryId().equals(testId)));
        assertThat(receiver.received().get(0).signedWith(signingSecret)).isTrue();
    }

    @Test
    void aRotatedSigningSecretSignsTheNextDeliveries() {
        String rotated = flipflop.asConsoleUser(session, POST, callbackPath() + "/signing-secret", null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("signingSecret").asText();
        assertThat(rotated).isNotEqualTo(signingSecret);

        String deliveryId = sendTest();

        CallbackReceiver.Received request = await().atMost(SOON).until(() -> receiver.received(), r -> !r.isEmpty())
                .get(0);
        assertThat(request.deliveryId()).isEqualTo(deliveryId);
        assertThat(request.signedWith(rotated)).isTrue();
        assertThat(request.signedWith(signingSecret)).isFalse();
    }

    @Test
    void aRoomsAndItsStreamKeysLifecyclesArriveInOrder() {
        long keyId = streamKeyOf("host1");
        long roomId = createRoom("host1");
        worker.startIngest(keyId, WORKER, OutputMode.CMAF).block();
        worker.startCmafPublish(keyId, WORKER).block();
        asApp(POST, "/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live").expectStatus().isOk();
        worker.stopCmafPublish(keyId, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED).block();
        asApp(POST, "/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/ended").expectStatus().isOk();

        await().atMost(SOON).untilAsserted(() -> assertThat(types(receiver.about("videoRoomId", roomId)))
                .containsExactly("VIDEO_ROOM_SCHEDULED", "VIDEO_ROOM_LIVE", "VIDEO_ROOM_LIVE_INACTIVE",
                        "VIDEO_ROOM_ENDED"));
        await().atMost(SOON).untilAsserted(() -> assertThat(types(receiver.about("streamKeyId", keyId)))
                .containsExactly("STREAM_KEY_ACTIVE_PREP", "STREAM_KEY_ACTIVE", "STREAM_KEY_ACTIVE_LIVE",
                        "STREAM_KEY_INACTIVE_LIVE", "STREAM_KEY_INACTIVE"));
        JsonNode ended = receiver.about("videoRoomId", roomId).get(3).json();
        assertThat(ended.get("data").get("videoRoomVideoRoomState").asText()).isEqualTo("ENDED");
        assertThat(ended.get("data").get("videoRoomId").isNumber()).isTrue();
        JsonNode inactive = receiver.about("streamKeyId", keyId).get(4).json();
        assertThat(inactive.get("data").get("streamKeyStreamKeyState").asText()).isEqualTo("INACTIVE");
        assertThat(receiver.received()).allMatch(request -> request.signedWith(signingSecret));
    }

    @Test
    void aPostsStateChangesArriveWithBothPayloadShapes() {
        flipflop.loginMember(app, "owner1", "Owner");
        long postId = http.post().uri("/v2/apps/me/video-posts").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "owner1", "title", "Hooked post")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asLong();
        byte[] text = "not a video\n".repeat(10).getBytes(StandardCharsets.UTF_8);
        String url = http.post().uri("/v2/apps/me/video-posts/" + postId + "/src-file/request-upload-urls")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("filename", "a.mp4", "size", text.length, "contentType", "video/mp4")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get(0)
                .get("uploadUrl").asText();
        String eTag = http.put().uri(url).bodyValue(text).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseHeaders().getETag();
        http.post().uri("/v2/apps/me/video-posts/" + postId + "/src-file/complete-upload")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(List.of(Map.of("partNumber", 1, "eTag", eTag))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.videoPostState").isEqualTo("UPLOADED");

        await().atMost(SOON).untilAsserted(() -> assertThat(types(receiver.about("videoPostId", postId)))
                .containsExactly("VIDEO_POST_CREATED", "VIDEO_POST_UPLOADED", "VIDEO_POST_FAILED_UPLOAD"));
        JsonNode failed = receiver.about("videoPostId", postId).get(2).json();
        assertThat(failed.get("data").get("videoPostVideoPostState").asText()).isEqualTo("FAILED_UPLOAD");
        assertThat(failed.get("videoPostId").asLong()).isEqualTo(postId);
        assertThat(failed.get("videoPostVideoPostState").asText()).isEqualTo("FAILED_UPLOAD");
    }

    @Test
    void aRunningJobsProgressArrivesBetweenProcessingAndProcessed() throws Exception {
        flipflop.loginMember(app, "owner1", "Owner");
        Posting posting = new Posting(flipflop, app);
        long postId = posting.create("owner1", "Progress", "PUBLIC");
        posting.upload(postId, Files.readAllBytes(Posting.source("1280x720", 6)), 1);
        posting.awaitState(postId, "PROCESSED");

        await().atMost(SOON).untilAsserted(() -> assertThat(types(receiver.about("videoPostId", postId)))
                .containsSubsequence("VIDEO_POST_PROCESSING", "VIDEO_POST_PROGRESS", "VIDEO_POST_PROCESSED"));
        JsonNode progress = receiver.about("videoPostId", postId).stream()
                .filter(request -> request.type().equals("VIDEO_POST_PROGRESS")).findFirst().orElseThrow().json();
        assertThat(progress.get("data").get("videoPostVideoPostState").asText()).isEqualTo("PROCESSING");
        assertThat(progress.get("data").get("percent").asDouble()).isBetween(0.0, 100.0);
        assertThat(progress.get("data").get("fps").isNumber()).isTrue();
        assertThat(progress.get("videoPostId").asLong()).isEqualTo(postId);
    }

    @Test
    void aDeliveryIsRetriedAfterA500AndAfterATimeout() {
        receiver.answer = (request, earlier) -> switch (earlier) {
            case 0 -> 500;
            case 1 -> CallbackReceiver.HANG;
            default -> 200;
        };

        String deliveryId = sendTest();

        JsonNode delivery = awaitDelivery(deliveryId, "DELIVERED");
        JsonNode attempts = delivery.get("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("error").asText()).isEqualTo("HTTP 500");
        assertThat(attempts.get(1).get("statusCode").isNull()).isTrue();
        assertThat(attempts.get(1).get("error").asText()).startsWith("No answer within 1000 ms");
        assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(200);
        List<CallbackReceiver.Received> received = receiver.received();
        assertThat(received).extracting(CallbackReceiver.Received::deliveryId).containsOnly(deliveryId);
        assertThat(received).allMatch(request -> request.signedWith(signingSecret));
        assertThat(received.get(0).body()).isEqualTo(received.get(2).body());
    }

    /** The receiver answers 200 at once but never finishes its answer: the attempt ends at the attempt timeout. */
    @Test
    void anAnswerThatTricklesForeverFailsTheAttemptAtItsTimeout() {
        receiver.answer = (request, earlier) -> earlier == 0 ? CallbackReceiver.TRICKLE : 200;

        JsonNode attempts = awaitDelivery(sendTest(), "DELIVERED").get("attempts");

        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(0).get("error").asText())
                .isEqualTo("HTTP 200, but the answer did not end within 1000 ms");
        assertThat(attempts.get(1).get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).get("error").isNull()).isTrue();
    }

    /**
     * Room A's first delivery fails until room B's has arrived: B is not held up by A, and A's cancellation is
     * not sent before A's creation got through.
     */
    @Test
    void aRoomsOrderHoldsWhileOneOfItsDeliveriesIsRetriedAndOtherRoomsGoOn() {
        streamKeyOf("host1");
        long roomA = createRoom("host1");
        receiver.answer = (request, earlier) -> request.json().path("data").path("videoRoomId").asLong() == roomA
                && request.type().equals("VIDEO_ROOM_SCHEDULED")
                && (earlier < 2 || receiver.received().stream().noneMatch(r -> r.type().equals("VIDEO_ROOM_SCHEDULED")
                && r.json().get("data").get("videoRoomId").asLong() != roomA)) ? 500 : 200;
        asApp(POST, "/v2/apps/me/video-rooms/" + roomA + "/rtmp-broadcast/state/cancelled").expectStatus().isOk();
        long roomB = createRoom("host1");

        await().atMost(SOON).untilAsserted(() -> assertThat(receiver.about("videoRoomId", roomA))
                .extracting(r -> r.type() + " " + r.answeredWith()).endsWith(
                        "VIDEO_ROOM_SCHEDULED 200", "VIDEO_ROOM_CANCELLED 200"));
        List<CallbackReceiver.Received> aboutA = receiver.about("videoRoomId", roomA);
        assertThat(aboutA.subList(0, aboutA.size() - 2))
                .allMatch(r -> r.type().equals("VIDEO_ROOM_SCHEDULED") && r.answeredWith() == 500)
                .hasSizeGreaterThanOrEqualTo(2);
        List<CallbackReceiver.Received> all = receiver.received();
        int firstOfB = all.indexOf(receiver.about("videoRoomId", roomB).get(0));
        int deliveredA = all.indexOf(aboutA.get(aboutA.size() - 2));
        assertThat(firstOfB).isLessThan(deliveredA);
    }

    @Test
    void anotherUsersConsoleSessionFindsNoneOfTheWebhookEndpoints() {
        ConsoleSession stranger = flipflop.signUpNew("stranger");
        Map<String, String> body = Map.of("callbackUrl", "http://127.0.0.1:9/x", "callbackId", "x",
                "callbackPassword", "y");
        List<WebTestClient.ResponseSpec> answers = new ArrayList<>(List.of(
                flipflop.asConsoleUser(stranger, GET, callbackPath(), null),
                flipflop.asConsoleUser(stranger, PUT, callbackPath(), body),
                flipflop.asConsoleUser(stranger, POST, callbackPath() + "/signing-secret", null),
                flipflop.asConsoleUser(stranger, POST, callbackPath() + "/test", null),
                flipflop.asConsoleUser(stranger, GET, callbackPath() + "/deliveries", null),
                flipflop.asConsoleUser(stranger, DELETE, callbackPath(), null)));
        for (WebTestClient.ResponseSpec answer : answers) {
            answer.expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        }
        flipflop.asConsoleUser(session, GET, callbackPath(), null).expectStatus().isOk();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void badRegistrationsAndRequestsAreRefusedWithClearCodes() {
        expectRefused(register("ftp://example.com/hooks"), "INVALID_CALLBACK_URL");
        expectRefused(register("/relative"), "INVALID_CALLBACK_URL");
        expectRefused(flipflop.asConsoleUser(session, PUT, callbackPath(),
                Map.of("callbackUrl", receiver.url(), "callbackId", CALLBACK_ID)), "EMPTY_CALLBACK_PASSWORD");
        expectRefused(flipflop.asConsoleUser(session, PUT, callbackPath(),
                Map.of("callbackUrl", receiver.url(), "callbackPassword", "x")), "EMPTY_CALLBACK_ID");
        expectRefused(flipflop.asConsoleUser(session, GET, callbackPath() + "/deliveries?limit=0", null),
                "INVALID_LIMIT");
        expectRefused(flipflop.asConsoleUser(session, GET, callbackPath() + "/deliveries?limit=x", null),
                "INVALID_LIMIT");

        flipflop.asConsoleUser(session, DELETE, callbackPath(), null).expectStatus().isNoContent();
        flipflop.asConsoleUser(session, DELETE, callbackPath(), null).expectStatus().isNoContent();
        expectRefused(flipflop.asConsoleUser(session, POST, callbackPath() + "/test", null),
                "CALLBACK_NOT_REGISTERED");
        await().atMost(SOON).untilAsserted(() -> flipflop.asConsoleUser(session, GET, callbackPath(), null)
                .expectStatus().isOk().expectBody().json("{\"registered\":false}", true));
    }

    @Test
    void noWebhookSecretReachesTheLogOrTheDatabaseInClear(CapturedOutput output) {
        String rotated = flipflop.asConsoleUser(session, POST, callbackPath() + "/signing-secret", null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("signingSecret").asText();
        receiver.answer = (request, earlier) -> earlier == 0 ? 500 : 200;
        awaitDelivery(sendTest(), "DELIVERED");

        String basic = Base64.getEncoder().encodeToString(
                (CALLBACK_ID + ":" + CALLBACK_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> stored = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).find().forEach((Document d) -> stored.add(d.toJson()));
        }
        for (String secret : List.of(CALLBACK_PASSWORD, signingSecret, rotated, basic)) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(String.join("\n", stored)).doesNotContain(secret);
        }
    }

    @Test
    void theWebhookEndpointsAreInTheGeneratedApiDocument() {
        String callback = "$.paths['/console/v1/apps/{appId}/callback']";
        flipflop.apiDocument()
                .jsonPath(callback + ".get").exists()
                .jsonPath(callback + ".put").exists()
                .jsonPath(callback + ".delete").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/callback/signing-secret'].post").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/callback/test'].post").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/callback/deliveries'].get").exists();
    }

    private WebTestClient.ResponseSpec register(String url) {
        return flipflop.asConsoleUser(session, PUT, callbackPath(), Map.of("callbackUrl", url,
                "callbackId", CALLBACK_ID, "callbackPassword", CALLBACK_PASSWORD));
    }

    private String sendTest() {
        return flipflop.asConsoleUser(session, POST, callbackPath() + "/test", null)
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("deliveryId").asText();
    }

    private JsonNode awaitDelivery(String deliveryId, String state) {
        return await().atMost(SOON).until(() -> delivery(deliveryId),
                delivery -> delivery != null && delivery.get("state").asText().equals(state));
    }

    private JsonNode delivery(String deliveryId) {
        JsonNode log = flipflop.asConsoleUser(session, GET, callbackPath() + "/deliveries", null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode delivery : log.get("deliveries")) {
            if (delivery.get("deliveryId").asText().equals(deliveryId)) {
                return delivery;
            }
        }
        return null;
    }

    private String callbackPath() {
        return "/console/v1/apps/" + app.appId() + "/callback";
    }

    private long streamKeyOf(String appUserId) {
        flipflop.loginMember(app, appUserId, "Host");
        return await().atMost(SOON).until(() -> flipflop.asApp(app, "/v2/apps/me/members/" + appUserId
                        + "/stream-key").exchange().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asLong(0), id -> id > 0);
    }

    private long createRoom(String appUserId) {
        return http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", appUserId, "type", "BROADCAST_RTMP", "title", "Hooked show",
                        "scheduledAt", Instant.now().plusSeconds(3600).toString()))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asLong();
    }

    private WebTestClient.ResponseSpec asApp(org.springframework.http.HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange();
    }

    private static void expectRefused(WebTestClient.ResponseSpec answer, String errorCode) {
        answer.expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode").isEqualTo(errorCode);
    }

    private static List<String> types(List<CallbackReceiver.Received> requests) {
        return requests.stream().map(CallbackReceiver.Received::type).toList();
    }
}
