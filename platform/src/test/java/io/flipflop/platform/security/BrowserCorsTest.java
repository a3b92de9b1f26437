package io.flipflop.platform.security;

import static io.flipflop.platform.security.SecurityProbeController.APP_PROBE;
import static io.flipflop.platform.security.SecurityProbeController.CONSOLE_PROBE;
import static io.flipflop.platform.security.SecurityProbeController.MEMBER_PROBE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;

@SecurityIntegrationTest
class BrowserCorsTest {

    private static final String ORIGIN = "https://player.example.com";

    @Autowired
    WebTestClient web;

    @Test
    void aPreflightToTheMemberApiIsAnsweredWithoutAToken() {
        preflight("/v2/members/me", HttpMethod.GET)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods ->
                        assertThat(methods).contains("GET", "POST", "PATCH", "DELETE", "OPTIONS"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers ->
                        assertThat(headers.toLowerCase()).contains("authorization", "content-type"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void aMemberApiErrorIsReadableByTheBrowser() {
        web.get().uri(MEMBER_PROBE).header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_ACCESS_TOKEN");
    }

    @Test
    void aPreflightForAnotherHeaderIsRefused() {
        web.options().uri(MEMBER_PROBE)
                .header(HttpHeaders.ORIGIN, ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "X-Api-Secret")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void playersAndTokenVerifiersMayCallFromAnyOrigin() {
        for (String path : List.of("/live/abc/llhls.m3u8", "/vod/42/index.mpd", "/.well-known/jwks.json")) {
            preflight(path, HttpMethod.GET)
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        web.get().uri("/.well-known/jwks.json").header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    @Test
    void theAppApiAndTheConsoleAreNotOpenToOtherOrigins() {
        for (String path : List.of(APP_PROBE, CONSOLE_PROBE, "/console/v1/login")) {
            preflight(path, HttpMethod.POST)
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
        web.get().uri(APP_PROBE).header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void configuredOriginsAreTheOnlyOnesLetIn() {
        var source = new BrowserCors(new BrowserCors.Settings(List.of(ORIGIN))).source();
        var config = source.getCorsConfiguration(MockServerWebExchange.from(MockServerHttpRequest.get("/live/abc")));

        assertThat(config.checkOrigin(ORIGIN)).isEqualTo(ORIGIN);
        assertThat(config.checkOrigin("https://evil.example.com")).isNull();
    }

    @Test
    void withoutConfigurationEveryOriginIsLetIn() {
        assertThat(new BrowserCors.Settings(null).allowedOrigins()).containsExactly("*");
    }

    private WebTestClient.ResponseSpec preflight(String path, HttpMethod method) {
        return web.options().uri(path)
                .header(HttpHeaders.ORIGIN, ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
                .exchange();
    }
}
