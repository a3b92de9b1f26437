package io.flipflop.query.eventsource;

import static io.flipflop.query.testsupport.ControllerTestClient.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The console's live events over HTTP: the app owner's stream, in the shape docs/API.md gives. */
class ConsoleEventSourceTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP = 100;
    private static final ConsoleUser OWNER = new ConsoleUser(1, "owner@example.com");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ConsoleEventHub hub = new ConsoleEventHub();
    private final ObjectMapper json = new ObjectMapper();
    private ConsoleEventSourceController controller;

    @BeforeEach
    void userOneOwnsAnApp() {
        MongoDatabase database = databases.fresh();
        new AppViewProjection(database).on(new AppCreated(APP, OWNER.userId(), "Sporty", "key-1", "hash-1"), 0,
                Instant.now());
        controller = new ConsoleEventSourceController(hub, new AppQueries(database), Duration.ofMillis(300));
    }

    @Test
    void theOwnerHearsTheAppsChangesAsJsonWithNumericIds() throws Exception {
        Flux<ServerSentEvent<String>> stream = as(OWNER, controller)
                .get().uri("/console/v1/apps/{app}/events", APP).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody();
        List<String> data = new CopyOnWriteArrayList<>();

        StepVerifier.create(stream.filter(event -> event.data() != null))
                .then(() -> {
                    hub.publish(APP, new ConsoleEvent.VideoRoom(50, VideoRoomState.ENDED, VodState.ARCHIVING));
                    hub.publish(APP + 1, new ConsoleEvent.VideoRoom(51, VideoRoomState.LIVE, null));
                    hub.publish(APP, new ConsoleEvent.StreamKey(2, StreamKeyState.ACTIVE, 7));
                })
                .assertNext(event -> data.add(event.data()))
                .assertNext(event -> data.add(event.data()))
                .thenCancel()
                .verify(TIMEOUT);

        JsonNode room = json.readTree(data.get(0));
        assertThat(room.get("type").asText()).isEqualTo("VIDEO_ROOM");
        assertThat(room.get("videoRoomId").isNumber()).isTrue();
        assertThat(room.get("videoRoomId").asLong()).isEqualTo(50);
        assertThat(room.get("videoRoomState").asText()).isEqualTo("ENDED");
        assertThat(room.get("vodState").asText()).isEqualTo("ARCHIVING");
        JsonNode key = json.readTree(data.get(1));
        assertThat(key.get("type").asText()).isEqualTo("STREAM_KEY");
        assertThat(key.get("streamKeyId").asLong()).isEqualTo(2);
        assertThat(key.get("streamKeyState").asText()).isEqualTo("ACTIVE");
        assertThat(key.get("memberId").asLong()).isEqualTo(7);
    }

    @Test
    void anotherUsersAppIs404BeforeAnyStreamStarts() {
        as(new ConsoleUser(2, "other@example.com"), controller)
                .get().uri("/console/v1/apps/{app}/events", APP).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
    }
}
