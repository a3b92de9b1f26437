package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.app.StreamingTokenResponse;
import io.flipflop.api.member.MemberTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API secret, passwords and tokens never reach the log, the event store or a read model in clear. */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "logging.level.io.flipflop=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenTest {

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    @Test
    void secretsAppearNeitherInLogsNorInStoredDocuments(CapturedOutput output) {
        FlipFlopClient flipflop = new FlipFlopClient(http.mutate().responseTimeout(Duration.ofSeconds(20)).build());
        String password = "a-very-particular-password";
        var session = flipflop.signUp("secret@example.com", password);
        AppCredentials app = flipflop.createApp(session, "Secret app");
        MemberTokens member = flipflop.loginMember(app, "bob1", "Bob");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                flipflop.asApp(app, "/v2/apps/me/members/bob1").exchange().expectStatus().isOk());

        long room = flipflop.createRoom(app, Map.of("appUserId", "bob1", "type", "BROADCAST_RTMP",
                "title", "Bob's show", "scheduledAt", Instant.now().plusSeconds(600).toString()));
        String consolePlayerToken = http.post()
                .uri("/console/v1/apps/{app}/video-rooms/{room}/streaming-tokens", app.appId(), room)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.sessionToken())
                .exchange().expectStatus().isCreated()
                .expectBody(StreamingTokenResponse.class).returnResult().getResponseBody().streamingToken();

        List<String> secrets = List.of(password, app.apiSecret(), member.refreshToken(), member.accessToken(),
                session.sessionToken(), consolePlayerToken);
        String stored = everyStoredDocument();
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(stored).doesNotContain(secret);
        }
    }

    private String everyStoredDocument() {
        List<String> documents = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).find().forEach((Document d) -> documents.add(d.toJson()));
        }
        assertThat(documents).isNotEmpty();
        return String.join("\n", documents);
    }
}
