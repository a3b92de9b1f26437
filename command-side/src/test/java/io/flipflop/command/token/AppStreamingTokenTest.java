package io.flipflop.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.flipflop.api.app.StreamingTokenResponse;
import io.flipflop.platform.access.StreamingTokenViewers;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.security.AppCredentialsDirectory;
import io.flipflop.platform.security.SecurityProbeController;
import io.flipflop.platform.security.Sha256;
import io.flipflop.platform.security.TokenDecoders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
@ActiveProfiles(SecurityProbeController.PROFILE)
class AppStreamingTokenTest {

    private static final long APP_ID = 4711;
    private static final String API_KEY = "streamingtokenappkey";
    private static final String API_SECRET = "c3RyZWFtaW5nLXRva2VuLWFwcC1zZWNyZXQtMjU2LWJpdA";

    @Autowired
    WebTestClient web;

    @Autowired
    MongoDatabase database;

    @Autowired
    TokenDecoders decoders;

    @Autowired
    StreamingTokenViewers viewers;

    @BeforeEach
    void givenAnAppWithCredentials() {
        AppCredentialsDirectory.put(database, API_KEY, APP_ID, "Streaming app", Sha256.hex(API_SECRET));
    }

    @Test
    void theAppGetsAStreamingTokenForItsWholeApp() {
        String token = create(web.post().uri("/v2/apps/me/streaming-tokens").headers(this::appCredentials));

        Jwt jwt = decoders.streamingTokens().decode(token).block();
        assertThat(jwt.getAudience()).containsExactly("streaming");
        assertThat(jwt.getSubject()).isEqualTo("app:" + APP_ID);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(24));
        assertThat(jwt.getClaimAsMap("claims")).containsOnly(Map.entry("appId", APP_ID), Map.entry("type", "APP"));
        assertThat(viewers.viewerOf(token).block()).isEqualTo(Viewer.appWide(APP_ID));
    }

    @Test
    void anEmptyJsonBodyIsAccepted() {
        create(web.post().uri("/v2/apps/me/streaming-tokens").headers(this::appCredentials)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}"));
    }

    @Test
    void theAppWideTokenIsNoAccessToken() {
        String token = create(web.post().uri("/v2/apps/me/streaming-tokens").headers(this::appCredentials));

        web.get().uri(SecurityProbeController.MEMBER_PROBE).headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_ACCESS_TOKEN");
    }

    @Test
    void withoutAppCredentialsThereIsNoToken() {
        web.post().uri("/v2/apps/me/streaming-tokens")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_APP_CREDENTIALS");
    }

    @Test
    void noTokenIsAnAnonymousViewer() {
        assertThat(viewers.viewerOf(null).block()).isEqualTo(Viewer.anonymous());
    }

    private String create(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus().isCreated()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody(StreamingTokenResponse.class).returnResult().getResponseBody().streamingToken();
    }

    private void appCredentials(HttpHeaders headers) {
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8)));
    }
}
