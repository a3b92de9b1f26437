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

/** One app never sees or touches another app's members; a console user never touches another's apps. */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class TenantIsolationTest {

    @Autowired
    WebTestClient http;

    FlipFlopClient flipflop;
    ConsoleSession ownerA;
    ConsoleSession ownerB;
    AppCredentials appA;
    AppCredentials appB;
    MemberTokens aliceOfA;

    @BeforeEach
    void twoAppsOfTwoUsers() {
        flipflop = new FlipFlopClient(http.mutate().responseTimeout(Duration.ofSeconds(20)).build());
        String run = Long.toString(System.nanoTime());
        ownerA = flipflop.signUp("a" + run + "@example.com", "password-of-a");
        ownerB = flipflop.signUp("b" + run + "@example.com", "password-of-b");
        appA = flipflop.createApp(ownerA, "App A");
        appB = flipflop.createApp(ownerB, "App B");
        aliceOfA = flipflop.loginMember(appA, "alice", "Alice of A");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                flipflop.asApp(appA, "/v2/apps/me/members/alice").exchange().expectStatus().isOk());
    }

    @Test
    void anotherAppCannotReadUpdateOrDeleteTheMember() {
        flipflop.asApp(appB, "/v2/apps/me/members/alice").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        flipflop.asApp(appB, "/v2/apps/me/members").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
        http.patch().uri("/v2/apps/me/members/alice").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(appB.apiKey(), appB.apiSecret()))
                .bodyValue(Map.of("appUserName", "hijacked"))
                .exchange().expectStatus().isNotFound();
        http.delete().uri("/v2/apps/me/members/alice")
                .headers(h -> h.setBasicAuth(appB.apiKey(), appB.apiSecret()))
                .exchange().expectStatus().isNoContent();

        MemberView alice = flipflop.asApp(appA, "/v2/apps/me/members/alice").exchange().expectStatus().isOk()
                .expectBody(MemberView.class).returnResult().getResponseBody();
        assertThat(alice.appUserName()).isEqualTo("Alice of A");
    }

    @Test
    void theSameAppUserIdInTwoAppsIsTwoMembers() {
        MemberTokens aliceOfB = flipflop.loginMember(appB, "alice", "Alice of B");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MemberView meA = flipflop.asMember(aliceOfA, "/v2/members/me").exchange().expectStatus().isOk()
                    .expectBody(MemberView.class).returnResult().getResponseBody();
            MemberView meB = flipflop.asMember(aliceOfB, "/v2/members/me").exchange().expectStatus().isOk()
                    .expectBody(MemberView.class).returnResult().getResponseBody();
            assertThat(meA.id()).isNotEqualTo(meB.id());
            assertThat(meA.app().id()).isEqualTo(appA.appId());
            assertThat(meB.app().id()).isEqualTo(appB.appId());
        });
    }

    @Test
    void aConsoleUserCannotSeeOrRotateAnotherUsersApp() {
        http.post().uri("/console/v1/apps/{id}/credentials", appA.appId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerB.sessionToken())
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/console/v1/apps")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerB.sessionToken())
                        .exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$[?(@.id == " + appA.appId() + ")]").doesNotExist()
                        .jsonPath("$[?(@.id == " + appB.appId() + ")]").exists());
        // The credentials of app A still work: B's attempt changed nothing.
        flipflop.asApp(appA, "/v2/apps/me/members").exchange().expectStatus().isOk();
    }

    @Test
    void aMemberTokenDoesNotOpenTheAppApi() {
        http.get().uri("/v2/apps/me/members")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceOfA.accessToken())
                .exchange().expectStatus().isUnauthorized();
    }
}
