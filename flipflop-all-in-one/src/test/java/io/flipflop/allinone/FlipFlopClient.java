package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The calls a console user and an app server make, spelled once for the end-to-end tests. */
record FlipFlopClient(WebTestClient http) {

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

    /** Creates a video post of the member {@code appUserId} as the app server does; answers its id. */
    long createPost(AppCredentials app, String appUserId, String accessLevel) {
        return http.post().uri("/v2/apps/me/video-posts").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()))
                .bodyValue(Map.of("appUserId", appUserId, "title", "Clip", "accessLevel", accessLevel))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asLong();
    }

    /** PUTs bytes to a signed upload URL (a source part, a thumbnail, a preview); answers the ETag. */
    String putUpload(String url, byte[] bytes) {
        return http.method(HttpMethod.PUT).uri(url).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(bytes)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseHeaders()
                .getETag();
    }

    /** Runs a bundled program to its end, asserting success; answers what it printed. */
    static String run(ProcessBuilder program) throws IOException, InterruptedException {
        Process process = program.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
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
