package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.MemberView;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The run command's promise: stop FlipFlop, start it again on the same data directory, nothing is lost. */
class DataSurvivesRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void appsMembersAndConsoleLoginsSurviveAStopAndStart() {
        AppCredentials app;
        try (ConfigurableApplicationContext first = start()) {
            FlipFlopClient flipflop = client(first);
            var session = flipflop.signUp("keeper@example.com", "kept password");
            app = flipflop.createApp(session, "Kept app");
            flipflop.loginMember(app, "kept1", "Kept");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    flipflop.asApp(app, "/v2/apps/me/members/kept1").exchange().expectStatus().isOk());
        }

        try (ConfigurableApplicationContext second = start()) {
            FlipFlopClient flipflop = client(second);
            flipflop.http().post().uri("/console/v1/login")
                    .bodyValue(java.util.Map.of("email", "keeper@example.com", "password", "kept password"))
                    .exchange().expectStatus().isOk();
            MemberView kept = flipflop.asApp(app, "/v2/apps/me/members/kept1").exchange().expectStatus().isOk()
                    .expectBody(MemberView.class).returnResult().getResponseBody();
            assertThat(kept.appUserName()).isEqualTo("Kept");
            MemberTokens again = flipflop.loginMember(app, "kept1", "Kept");
            flipflop.asMember(again, "/v2/members/me").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(kept.id());
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because they outrank application.yml (builder properties do not).
        return new SpringApplicationBuilder(FlipFlopAllInOne.class)
                .run("--server.port=0", "--flipflop.mongodb.data-dir=" + dataDir);
    }

    private static FlipFlopClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new FlipFlopClient(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build());
    }
}
