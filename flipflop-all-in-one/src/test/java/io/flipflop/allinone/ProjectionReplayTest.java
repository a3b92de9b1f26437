package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.command.broadcast.MediaWorkerCommands;
import io.flipflop.query.readmodel.ReadModelProcessing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Read models are disposable: after apps, members, relationships and a whole broadcast, resetting the read-model
 * processor (every projection) to the start of the event store and replaying rebuilds exactly the same documents.
 */
// A context of its own (the database name makes it one): cached contexts of other tests would add their documents
// and, worse, events arriving mid-replay.
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.mongodb.database=replay",
                // no stored-bytes measurement arriving mid-replay
                "flipflop.usage.storage-interval=1h"})
class ProjectionReplayTest {

    private static final List<String> READ_MODELS = List.of("apps", "members", "member_keys", "stream_keys",
            "stream_key_members", "video_rooms", "video_room_uuids", "follows", "friends",
            "relationship_deleted_members", "usage_hours", "usage_stream_keys", "usage_rooms", "video_posts",
            "transcoding_profiles", "app_transcoding_defaults");

    @Autowired
    WebTestClient http;

    @Autowired
    MediaWorkerCommands worker;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoDatabase database;

    @Test
    void replayingEveryProjectionFromZeroRebuildsIdenticalReadModels() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        FlipFlopClient flipflop = new FlipFlopClient(http);
        var user = flipflop.signUp("replay@example.com", "replay password");
        var app = flipflop.createApp(user, "Replay");
        String profiles = "/console/v1/apps/" + app.appId() + "/transcoding-profiles";
        long teaser = flipflop.asConsoleUser(user, HttpMethod.POST, profiles, Map.of("type", "PREVIEW",
                        "name", "Teaser", "profile", Map.of("durationSeconds", 3, "height", 240)))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id")
                .asLong();
        flipflop.asConsoleUser(user, HttpMethod.PUT, profiles + "/defaults/VIDEO", Map.of("profileId", 2))
                .expectStatus().isNoContent();
        flipflop.loginMember(app, "host1", "Host");
        flipflop.loginMember(app, "fan1", "Fan");
        http.put().uri("/v2/apps/me/members/fan1/followings/host1")
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isNoContent();
        long keyId = await().atMost(Duration.ofSeconds(10)).until(() -> flipflop
                .asApp(app, "/v2/apps/me/members/host1/stream-key").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asLong(0), id -> id > 0);
        long roomId = http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "Replayed",
                        "scheduledAt", Instant.now().plusSeconds(60).toString(), "accessLevel", "FOLLOWER"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asLong();
        worker.startIngest(keyId, "w", OutputMode.CMAF).block();
        worker.startCmafPublish(keyId, "w").block();
        http.post().uri("/v2/apps/me/video-rooms/{id}/rtmp-broadcast/state/live", roomId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isOk();
        worker.stopCmafPublish(keyId, "w", IngestStopReason.PUBLISHER_DISCONNECTED).block();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> flipflop
                .asApp(app, "/v2/apps/me/video-rooms/" + roomId).exchange().expectBody()
                .jsonPath("$.videoRoomState").isEqualTo("LIVE_INACTIVE"));
        long postId = http.post().uri("/v2/apps/me/video-posts").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "title", "Replayed post", "tags", List.of("a", "b"),
                        "previewProfileId", teaser))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asLong();
        http.patch().uri("/v2/apps/me/video-posts/{id}", postId).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("accessLevel", "RESTRICTED", "category", "news")).exchange().expectStatus().isOk();
        http.put().uri("/v2/apps/me/video-posts/{id}/allowlist/fan1", postId)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret())).exchange().expectStatus().isNoContent();
        flipflop.asConsoleUser(user, HttpMethod.DELETE, profiles + "/" + teaser, null).expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(10)).until(this::projectionsCaughtUp);
        Map<String, List<Document>> before = readModels();
        assertThat(before.get("transcoding_profiles")).hasSize(5);
        assertThat(before.get("app_transcoding_defaults")).hasSize(1);
        assertThat(before.get("video_posts").get(0).get("profiles", Document.class).get("preview", Document.class)
                .getString("state")).isEqualTo("DELETED");
        assertThat(before.get("video_posts")).hasSize(1);
        assertThat(before.get("video_rooms")).hasSize(1);
        assertThat(before.get("follows")).hasSize(1);
        assertThat(before.get("usage_hours")).isNotEmpty();

        TrackingEventProcessor processor = readModels(processing);
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        // A replay ends only once the processor passes the position it was reset at, so wait for the documents.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readModels()).isEqualTo(before));
    }

    private boolean projectionsCaughtUp() {
        return readModels(processing).processingStatus().values().stream().allMatch(status -> status.isCaughtUp());
    }

    /** Every projection runs in this one processor; resetting it replays them all. */
    private static TrackingEventProcessor readModels(EventProcessingConfiguration processing) {
        return processing.eventProcessor(ReadModelProcessing.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : READ_MODELS) {
            documents.put(collection, database.getCollection(collection).find()
                    .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return documents;
    }
}
