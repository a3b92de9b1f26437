package io.flipflop.allinone;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The calls a console user and an app server make, spelled once for the end-to-end tests. */
record FlipFlopClient(WebTestClient http) {

    /**
     * The generated OpenAPI document. Springdoc builds it at the first request of a context, which on a busy machine
     * took longer than WebTestClient's default 5 s (seen once), so this call waits longer.
     */
    WebTestClient.BodyContentSpec apiDocument() {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody();
    }

    /**
     * Signs up a console user no other test has: the tests of a class share one server, so each names its users
     * {@code name} plus the time ({@code {name}{nanos}@example.com}, password {@code "password of {name}"}).
     */
    ConsoleSession signUpNew(String name) {
        return signUp(name + System.nanoTime() + "@example.com", "password of " + name);
    }

    ConsoleSession signUp(String email, String password) {
        return http.post().uri("/console/v1/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isCreated()
                .expectBody(ConsoleSession.class).returnResult().getResponseBody();
    }

    /** Creates an app and returns the credentials shown once. */
    AppCredentials createApp(ConsoleSession session, String name) {
        CreatedApp created = http.post().uri("/console/v1/apps").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.sessionToken())
                .bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(CreatedApp.class).returnResult().getResponseBody();
        return created.credentials();
    }

    MemberTokens loginMember(AppCredentials app, String appUserId, String appUserName) {
        return http.post().uri("/v2/apps/me/members/login").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", appUserId, "appUserName", appUserName))
                .exchange().expectStatus().isOk()
                .expectBody(MemberTokens.class).returnResult().getResponseBody();
    }

    /** A console API call as the session's user; {@code body} may be null. */
    WebTestClient.ResponseSpec asConsoleUser(ConsoleSession session, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.sessionToken());
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /** Creates a video room as the app server does; answers its id. */
    long createRoom(AppCredentials app, Map<String, String> room) {
        return http.post().uri("/v2/apps/me/video-rooms").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(room)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asLong();
    }

    WebTestClient.RequestHeadersSpec<?> asApp(AppCredentials app, String path) {
        return http.get().uri(path).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()));
    }

    WebTestClient.RequestHeadersSpec<?> asMember(MemberTokens member, String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + member.accessToken());
    }

    record CreatedApp(io.flipflop.api.app.AppView app, AppCredentials credentials) {
    }
}
