package io.flipflop.allinone;

import static io.flipflop.allinone.WebhookDeliveryTest.CALLBACK_ID;
import static io.flipflop.allinone.WebhookDeliveryTest.CALLBACK_PASSWORD;
import static io.flipflop.allinone.WebhookDeliveryTest.SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.user.ConsoleSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the default settings, a callback URL that reaches a loopback, link-local (cloud metadata) or private address
 * is refused at registration, and nothing is registered. (Each delivery attempt checks the addresses again, which
 * {@code CallbackPostTest} shows with a name that resolves to loopback.)
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class WebhookAddressPolicyTest {

    @Autowired
    WebTestClient http;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://169.254.169.254/latest/meta-data/",
            "http://localhost:8080/hooks", "http://[::1]/hooks", "http://10.0.0.8/hooks"})
    void aCallbackUrlReachingANonPublicAddressIsRefusedByDefault(String url) {
        FlipFlopClient flipflop = new FlipFlopClient(http.mutate().responseTimeout(Duration.ofSeconds(20)).build());
        ConsoleSession session = flipflop.signUpNew("ssrf");
        AppCredentials app = flipflop.createApp(session, "Curious");
        String path = "/console/v1/apps/" + app.appId() + "/callback";

        flipflop.asConsoleUser(session, PUT, path, Map.of("callbackUrl", url, "callbackId", CALLBACK_ID,
                        "callbackPassword", CALLBACK_PASSWORD))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("CALLBACK_URL_NOT_ALLOWED")
                .jsonPath("$.errorMessage").value(message -> assertThat((String) message)
                        .contains("is not a public address").contains("flipflop.webhooks.allow-private-addresses"));
        await().atMost(SOON).untilAsserted(() -> flipflop.asConsoleUser(session, GET, path, null)
                .expectStatus().isOk().expectBody().json("{\"registered\":false}", true));
    }
}
