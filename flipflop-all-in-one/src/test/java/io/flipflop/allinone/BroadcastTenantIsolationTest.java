package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every stream key, video room, relationship and audit endpoint called with another app's credentials (or
 * another member's token) answers 404 — never 403, which would reveal that the resource exists — and
 * changes nothing.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class BroadcastTenantIsolationTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    WebTestClient http;

    FlipFlopClient flipflop;
    AppCredentials appA;
    AppCredentials appB;
    MemberTokens hostOfA;
    MemberTokens otherMemberOfA;
    MemberTokens memberOfB;
    long keyId;
    long roomId;
    String roomUuid;

    @BeforeEach
    void aRoomOfAppA() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        flipflop = new FlipFlopClient(http);
        appA = flipflop.createApp(flipflop.signUpNew("a"), "A");
        appB = flipflop.createApp(flipflop.signUpNew("b"), "B");
        hostOfA = flipflop.loginMember(appA, "host1", "Host of A");
        otherMemberOfA = flipflop.loginMember(appA, "other1", "Other of A");
        memberOfB = flipflop.loginMember(appB, "host1", "Host of B");
        keyId = await().atMost(SOON).until(() -> flipflop.asApp(appA, "/v2/apps/me/members/host1/stream-key")
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asLong(0),
                id -> id > 0);
        JsonNode room = http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(appA.apiKey(), appA.apiSecret()))
                .bodyValue(Map.of("appUserId", "host1", "type", "BROADCAST_RTMP", "title", "A's show",
                        "scheduledAt", Instant.now().plusSeconds(600).toString(), "accessLevel", "PRIVATE"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        roomId = room.get("id").asLong();
        roomUuid = room.get("uuid").asText();
        await().atMost(SOON).untilAsserted(() ->
                flipflop.asApp(appA, "/v2/apps/me/video-rooms/" + roomId).exchange().expectStatus().isOk());
    }

    @Test
    void anotherAppsCredentialsFindNothing() {
        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/v2/apps/me/members/other1/stream-key", null),
                new Call(HttpMethod.GET, "/v2/apps/me/stream-keys/" + keyId, null),
                new Call(HttpMethod.POST, "/v2/apps/me/stream-keys/" + keyId + "/reissue", null),
                new Call(HttpMethod.POST, "/v2/apps/me/stream-keys/" + keyId + "/force-terminate", null),
                new Call(HttpMethod.POST, "/v2/apps/me/members/other1/stream-key/force-terminate", null),
                new Call(HttpMethod.GET, "/v2/apps/me/video-rooms/" + roomId, null),
                new Call(HttpMethod.DELETE, "/v2/apps/me/video-rooms/" + roomId, null),
                new Call(HttpMethod.POST, "/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live", null),
                new Call(HttpMethod.POST, "/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/ended", null),
                new Call(HttpMethod.POST, "/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/cancelled", null),
                new Call(HttpMethod.POST, "/v2/apps/me/video-rooms", Map.of("appUserId", "other1",
                        "type", "BROADCAST_RTMP", "scheduledAt", Instant.now().plusSeconds(60).toString())),
                new Call(HttpMethod.PUT, "/v2/apps/me/members/other1/followings/host1", null),
                new Call(HttpMethod.DELETE, "/v2/apps/me/members/other1/followings/host1", null),
                new Call(HttpMethod.PUT, "/v2/apps/me/members/other1/friends/host1", null),
                new Call(HttpMethod.DELETE, "/v2/apps/me/members/other1/friends/host1", null),
                new Call(HttpMethod.GET, "/v2/apps/me/members/other1/followings", null),
                new Call(HttpMethod.GET, "/v2/apps/me/members/other1/followers", null),
                new Call(HttpMethod.GET, "/v2/apps/me/members/other1/friends", null),
                // host1 is a member of app B too: the room of app A is what is not found
                new Call(HttpMethod.PUT, "/v2/apps/me/video-rooms/" + roomId + "/allowlist/host1", null),
                new Call(HttpMethod.DELETE, "/v2/apps/me/video-rooms/" + roomId + "/allowlist/host1", null),
                new Call(HttpMethod.PUT, "/v2/apps/me/video-rooms/" + roomId + "/allowlist/other1", null),
                new Call(HttpMethod.DELETE, "/v2/apps/me/video-rooms/" + roomId + "/allowlist/other1", null),
                new Call(HttpMethod.GET, "/v2/apps/me/audit/video-rooms/" + roomId + "/events", null),
                new Call(HttpMethod.GET, "/v2/apps/me/audit/video-rooms/" + roomId + "/state?at=" + Instant.now(), null),
                new Call(HttpMethod.GET, "/v2/apps/me/audit/video-rooms/" + roomId + "/verify", null));

        for (Call call : calls) {
            var request = http.method(call.method()).uri(call.path())
                    .headers(h -> h.setBasicAuth(appB.apiKey(), appB.apiSecret()));
            var response = call.body() == null ? request.exchange()
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body()).exchange();
            response.expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").value(code ->
                    assertThat((String) code).as(call.method() + " " + call.path()).endsWith("_NOT_FOUND"));
        }
        flipflop.asApp(appB, "/v2/apps/me/video-rooms").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
        flipflop.asApp(appB, "/v2/apps/me/stream-keys").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.content[?(@.id == " + keyId + ")]").doesNotExist();

        flipflop.asApp(appA, "/v2/apps/me/video-rooms/" + roomId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.videoRoomState").isEqualTo("SCHEDULED")
                .jsonPath("$.stats.totalMemberWhitelistCount").isEqualTo(0);
    }

    @Test
    void anotherMembersTokenFindsNothingOfAPrivateRoom() {
        for (MemberTokens stranger : List.of(memberOfB, otherMemberOfA)) {
            List<Call> calls = List.of(
                    new Call(HttpMethod.GET, "/v2/members/me/video-rooms/" + roomId, null),
                    new Call(HttpMethod.GET, "/v2/members/me/video-rooms/uuid/" + roomUuid, null),
                    new Call(HttpMethod.PATCH, "/v2/members/me/video-rooms/" + roomId, Map.of("title", "mine now")),
                    new Call(HttpMethod.DELETE, "/v2/members/me/video-rooms/" + roomId, null),
                    new Call(HttpMethod.POST, "/v2/members/me/video-rooms/" + roomId + "/start", null),
                    new Call(HttpMethod.POST, "/v2/members/me/video-rooms/" + roomId + "/end", null));
            for (Call call : calls) {
                var request = http.method(call.method()).uri(call.path())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + stranger.accessToken());
                var response = call.body() == null ? request.exchange()
                        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body()).exchange();
                response.expectStatus().isNotFound().expectBody().jsonPath("$.errorCode")
                        .isEqualTo("VIDEO_ROOM_NOT_FOUND");
            }
        }
        flipflop.asMember(hostOfA, "/v2/members/me/video-rooms/" + roomId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("A's show");
    }

    @Test
    void theAppsAllowlistLetsAMemberIntoARestrictedRoom() {
        http.patch().uri("/v2/members/me/video-rooms/" + roomId).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + hostOfA.accessToken())
                .bodyValue(Map.of("accessLevel", "RESTRICTED")).exchange().expectStatus().isOk();
        String allowOther = "/v2/apps/me/video-rooms/" + roomId + "/allowlist/other1";
        for (int twice = 0; twice < 2; twice++) {
            http.put().uri(allowOther).headers(h -> h.setBasicAuth(appA.apiKey(), appA.apiSecret()))
                    .exchange().expectStatus().isNoContent();
        }
        http.put().uri("/v2/apps/me/video-rooms/" + roomId + "/allowlist/nobody")
                .headers(h -> h.setBasicAuth(appA.apiKey(), appA.apiSecret()))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.errorCode")
                .isEqualTo("MEMBER_NOT_FOUND");

        await().atMost(SOON).untilAsserted(() -> flipflop.asMember(otherMemberOfA,
                "/v2/members/me/video-rooms/" + roomId).exchange().expectStatus().isOk());
        flipflop.asApp(appA, "/v2/apps/me/video-rooms/" + roomId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stats.totalMemberWhitelistCount").isEqualTo(1);
        flipflop.asMember(memberOfB, "/v2/members/me/video-rooms/" + roomId).exchange().expectStatus().isNotFound();

        http.delete().uri(allowOther).headers(h -> h.setBasicAuth(appA.apiKey(), appA.apiSecret()))
                .exchange().expectStatus().isNoContent();
        await().atMost(SOON).untilAsserted(() -> flipflop.asMember(otherMemberOfA,
                "/v2/members/me/video-rooms/" + roomId).exchange().expectStatus().isNotFound());
    }

    private record Call(HttpMethod method, String path, Map<String, String> body) {
    }
}
