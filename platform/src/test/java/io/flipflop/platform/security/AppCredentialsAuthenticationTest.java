package io.flipflop.platform.security;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.flipflop.platform.security.SecurityProbeController.APP_PROBE;
import static org.assertj.core.api.Assertions.assertThat;

@SecurityIntegrationTest
class AppCredentialsAuthenticationTest {

    private static final String API_KEY = "appkey0001";
    private static final String API_SECRET = "s3cr3t-Q2hhbmdlTWVQbGVhc2UtMjU2Yml0LXJhbmRvbQ";
    private static final long APP_ID = 4711;

    @Autowired
    WebTestClient web;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void givenAnAppWithCredentials() {
        AppCredentialsDirectory.put(database, API_KEY, APP_ID, "Demo app", Sha256.hex(API_SECRET));
    }

    @Test
    void missingBasicHeaderIsAnsweredWithEmptyAppCredentialsAndNoBrowserChallenge() {
        web.get().uri(APP_PROBE).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_APP_CREDENTIALS")
                .jsonPath("$.errorMessage").isNotEmpty();
    }

    @Test
    void wrongSecretIsAnsweredWithInvalidAppCredentials() {
        expectInvalid(basic(API_KEY + ":" + API_SECRET + "x"));
    }

    @Test
    void unknownApiKeyIsAnsweredWithInvalidAppCredentials() {
        expectInvalid(basic("nosuchkey:" + API_SECRET));
    }

    @Test
    void headerThatIsNotBase64IsAnsweredWithInvalidAppCredentials() {
        expectInvalid("Basic %%%not-base64%%%");
    }

    @Test
    void credentialsWithoutColonAreAnsweredWithInvalidAppCredentials() {
        expectInvalid(basic(API_KEY + API_SECRET));
    }

    @Test
    void anotherSchemeIsAnsweredWithInvalidAppCredentials() {
        expectInvalid("Bearer " + API_SECRET);
    }

    @Test
    void validCredentialsReachTheHandlerAsTheirApp() {
        web.get().uri(APP_PROBE).header(HttpHeaders.AUTHORIZATION, basic(API_KEY + ":" + API_SECRET)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.appId").isEqualTo(APP_ID)
                .jsonPath("$.name").isEqualTo("Demo app");
    }

    @Test
    void theSecretNeverAppearsInTheLogs() {
        try (LogCapture logs = new LogCapture()) {
            web.get().uri(APP_PROBE).header(HttpHeaders.AUTHORIZATION, basic(API_KEY + ":" + API_SECRET)).exchange()
                    .expectStatus().isOk();
            web.get().uri(APP_PROBE).header(HttpHeaders.AUTHORIZATION, basic(API_KEY + ":" + API_SECRET + "x")).exchange()
                    .expectStatus().isUnauthorized();

            assertThat(logs.texts()).isNotEmpty().noneMatch(text -> text.contains(API_SECRET)
                    || text.contains(Base64.getEncoder().encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8))));
        }
    }

    private void expectInvalid(String authorization) {
        web.get().uri(APP_PROBE).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_APP_CREDENTIALS");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
