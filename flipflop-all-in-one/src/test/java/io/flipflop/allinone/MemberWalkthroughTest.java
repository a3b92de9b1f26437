package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.user.ConsoleSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The README's walkthrough, end to end over HTTP on the embedded MongoDB-wire server. */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class MemberWalkthroughTest {

    @Autowired
    WebTestClient http;

    FlipFlopClient flipflop;

    @BeforeEach
    void client() {
        flipflop = new FlipFlopClient(http.mutate().responseTimeout(Duration.ofSeconds(20)).build());
    }

    @Test
    void signUpCreateAppLoginMemberAndReadMe() {
        ConsoleSession session = flipflop.signUp("walk@example.com", "correct horse battery");
        AppCredentials app = flipflop.createApp(session, "Walkthrough app");
        MemberTokens alice = flipflop.loginMember(app, "alice1", "Alice");

        assertThat(alice.accessToken()).isNotBlank();
        assertThat(alice.refreshToken()).isNotBlank();
        assertThat(alice.streamingToken()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MemberView me = flipflop.asMember(alice, "/v2/members/me").exchange()
                    .expectStatus().isOk().expectBody(MemberView.class).returnResult().getResponseBody();
            assertThat(me.appUserId()).isEqualTo("alice1");
            assertThat(me.appUserName()).isEqualTo("Alice");
            assertThat(me.app().id()).isEqualTo(app.appId());
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                flipflop.asApp(app, "/v2/apps/me/members?appUserId=alice1").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.totalElements").isEqualTo(1)
                        .jsonPath("$.content[0].appUserId").isEqualTo("alice1"));
    }

    @Test
    void rotatedCredentialsReplaceTheOldOnesAtOnce() {
        ConsoleSession session = flipflop.signUp("rotate@example.com", "correct horse battery");
        AppCredentials before = flipflop.createApp(session, "Rotating app");

        AppCredentials after = http.post().uri("/console/v1/apps/{id}/credentials", before.appId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.sessionToken())
                .exchange().expectStatus().isOk()
                .expectBody(AppCredentials.class).returnResult().getResponseBody();

        assertThat(after.apiSecret()).isNotEqualTo(before.apiSecret());
        flipflop.asApp(before, "/v2/apps/me/members").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_APP_CREDENTIALS");
        flipflop.asApp(after, "/v2/apps/me/members").exchange().expectStatus().isOk();
    }

    @Test
    void missingOrWrongBasicCredentialsAreRefusedWithTheDocumentedCodes() {
        http.get().uri("/v2/apps/me/members").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_APP_CREDENTIALS");
        http.post().uri("/v2/apps/me/members/login").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("nokey", "nosecret"))
                .bodyValue(Map.of("appUserId", "x1"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_APP_CREDENTIALS");
    }

    @Test
    void openApiIsGeneratedFromTheCodeAndBrowsable() {
        flipflop.apiDocument()
                .jsonPath("$.paths['/v2/apps/me/members/login'].post").exists()
                .jsonPath("$.paths['/v2/members/me'].get").exists()
                .jsonPath("$.paths['/console/v1/apps'].post").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }
}
