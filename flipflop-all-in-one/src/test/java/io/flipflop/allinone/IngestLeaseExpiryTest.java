package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.command.broadcast.MediaWorkerCommands;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A worker that stops renewing (killed, partitioned) never leaves a stream key active beyond its lease. */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.ingest.lease=1s"})
class IngestLeaseExpiryTest {

    @Autowired
    WebTestClient http;

    @Autowired
    MediaWorkerCommands worker;

    @Test
    void anIngestWhoseLeaseIsNotRenewedStopsOnItsOwn() {
        FlipFlopClient flipflop = new FlipFlopClient(http.mutate().responseTimeout(Duration.ofSeconds(20)).build());
        var app = flipflop.createApp(flipflop.signUp("lease@example.com", "lease password"), "Leases");
        flipflop.loginMember(app, "host1", "Host");
        long streamKeyId = await().atMost(Duration.ofSeconds(10)).until(() -> flipflop
                .asApp(app, "/v2/apps/me/members/host1/stream-key").exchange()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .path("id").asLong(0), id -> id > 0);

        var started = worker.startIngest(streamKeyId, "vanishing-worker", OutputMode.CMAF).block();
        assertThat(started.state()).isEqualTo(StreamKeyState.ACTIVE_PREP);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> flipflop
                .asApp(app, "/v2/apps/me/stream-keys/" + streamKeyId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.streamKeyState").isEqualTo("INACTIVE")
                .jsonPath("$.forciblyTerminated").isEqualTo(false));
    }
}
