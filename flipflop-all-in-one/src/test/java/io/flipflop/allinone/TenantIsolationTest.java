package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.user.ConsoleSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        ownerA = flipflop.signUpNew("a");
        ownerB = flipflop.signUpNew("b");
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
    void aConsoleUserCannotReachAnotherUsersMembersRoomsKeysOrEvents() {
        flipflop.loginMember(appB, "bob", "Bob of B");
        long roomOfA = flipflop.createRoom(appA, Map.of("appUserId", "alice", "type", "BROADCAST_RTMP",
                "title", "A's show", "scheduledAt", Instant.now().plusSeconds(600).toString()));
        long roomOfB = flipflop.createRoom(appB, Map.of("appUserId", "bob", "type", "BROADCAST_RTMP",
                "title", "B's show", "scheduledAt", Instant.now().plusSeconds(600).toString()));
        String app = "/console/v1/apps/" + appA.appId();
        for (String path : List.of(app + "/members", app + "/video-rooms", app + "/video-rooms/" + roomOfA,
                app + "/video-rooms/" + roomOfA + "/events", app + "/video-rooms/" + roomOfA + "/stream-key",
                app + "/events")) {
            expectNotFound(asConsole(ownerB, http.get().uri(path)), "APP_NOT_FOUND");
        }
        String tokenOf = app + "/video-rooms/%d/streaming-tokens";
        expectNotFound(asConsole(ownerB, http.post().uri(tokenOf.formatted(roomOfA))), "APP_NOT_FOUND");
        // the owner of A, naming a room of B under A, finds no room either
        expectNotFound(asConsole(ownerA, http.post().uri(tokenOf.formatted(roomOfB))), "VIDEO_ROOM_NOT_FOUND");
        expectNotFound(asConsole(ownerA, http.get().uri(app + "/video-rooms/" + roomOfB)), "VIDEO_ROOM_NOT_FOUND");
        asConsole(ownerA, http.post().uri(tokenOf.formatted(roomOfA))).exchange().expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody().jsonPath("$.streamingToken").isNotEmpty();
    }

    private static WebTestClient.RequestHeadersSpec<?> asConsole(ConsoleSession user,
                                                                 WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + user.sessionToken());
    }

    private static void expectNotFound(WebTestClient.RequestHeadersSpec<?> request, String errorCode) {
        request.exchange().expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo(errorCode);
    }

    @Test
    void aMemberTokenDoesNotOpenTheAppApi() {
        http.get().uri("/v2/apps/me/members")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceOfA.accessToken())
                .exchange().expectStatus().isUnauthorized();
    }
}
