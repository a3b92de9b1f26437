package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.user.ConsoleSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * The console's post reads, its post streaming tokens and its live VIDEO_POST events over HTTP, with the console
 * session: the user's own app only, another user's app answering 404 like a missing one.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class ConsoleVideoPostsTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    FlipFlopClient flipflop;
    ConsoleSession owner;
    ConsoleSession stranger;
    AppCredentials app;
    AppCredentials strangersApp;
    final List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    Disposable events;

    @BeforeEach
    void twoUsersWithAnAppEach() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        flipflop = new FlipFlopClient(http);
        owner = flipflop.signUpNew("owner");
        stranger = flipflop.signUpNew("stranger");
        app = flipflop.createApp(owner, "Posts");
        strangersApp = flipflop.createApp(stranger, "Other");
        flipflop.loginMember(app, "alice1", "Alice");
        events = http.mutate().responseTimeout(Duration.ofMinutes(5)).build()
                .get().uri("/console/v1/apps/{appId}/events", app.appId()).accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.sessionToken())
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .filter(data -> data.startsWith("{"))
                .subscribe(data -> pushed.add(parse(data)));
    }

    @AfterEach
    void closeEvents() {
        events.dispose();
    }

    @Test
    void theOwnerListsGetsPlaysAndHearsTheAppsPosts() {
        long id = new Posting(flipflop, app).create("alice1", "Console clip", "PRIVATE");

        await().atMost(SOON).untilAsserted(() -> assertThat(pushed).anySatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("VIDEO_POST");
            assertThat(event.get("videoPostId").asLong()).isEqualTo(id);
            assertThat(event.get("videoPostState").asText()).isEqualTo("CREATED");
            assertThat(event.has("percent")).isTrue();
        }));
        await().atMost(SOON).untilAsserted(() -> console(owner, HttpMethod.GET,
                "/console/v1/apps/" + app.appId() + "/video-posts?pageSize=5").expectStatus().isOk().expectBody()
                .jsonPath("$.content[0].id").isEqualTo(id)
                .jsonPath("$.content[0].title").isEqualTo("Console clip")
                .jsonPath("$.content[0].videoPostState").isEqualTo("CREATED")
                .jsonPath("$.totalElements").isEqualTo(1));
        console(owner, HttpMethod.GET, "/console/v1/apps/" + app.appId() + "/video-posts/" + id).expectStatus().isOk()
                .expectBody().jsonPath("$.accessLevel").isEqualTo("PRIVATE");
        console(owner, HttpMethod.GET, "/console/v1/apps/" + app.appId() + "/video-posts?videoPostState=NOPE")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode")
                .isEqualTo("INVALID_VIDEO_POST_STATE");
        console(owner, HttpMethod.POST, "/console/v1/apps/" + app.appId() + "/video-posts/" + id
                + "/streaming-tokens").expectStatus().isCreated()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().jsonPath("$.streamingToken").isNotEmpty();
    }

    @Test
    void anotherUsersAppAndAnotherAppsPostsAreNotFound() {
        long id = new Posting(flipflop, app).create("alice1", "Not yours", "PUBLIC");
        String list = "/console/v1/apps/" + app.appId() + "/video-posts";
        await().atMost(SOON).untilAsserted(() -> console(owner, HttpMethod.GET, list + "/" + id).expectStatus().isOk());

        for (String path : List.of(list, list + "/" + id)) {
            console(stranger, HttpMethod.GET, path).expectStatus().isNotFound().expectBody().jsonPath("$.errorCode")
                    .isEqualTo("APP_NOT_FOUND");
        }
        console(stranger, HttpMethod.POST, list + "/" + id + "/streaming-tokens").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        String strangersList = "/console/v1/apps/" + strangersApp.appId() + "/video-posts";
        console(stranger, HttpMethod.GET, strangersList).expectStatus().isOk().expectBody()
                .jsonPath("$.totalElements").isEqualTo(0);
        console(stranger, HttpMethod.GET, strangersList + "/" + id).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND");
        console(stranger, HttpMethod.POST, strangersList + "/" + id + "/streaming-tokens").expectStatus()
                .isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND");
        http.get().uri(list).exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec console(ConsoleSession session, HttpMethod method, String path) {
        return flipflop.asConsoleUser(session, method, path, null);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
