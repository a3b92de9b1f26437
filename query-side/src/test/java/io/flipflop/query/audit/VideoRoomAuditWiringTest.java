package io.flipflop.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The query side wires the audit to the event store's own engine and keeps it behind the App API credentials. */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class VideoRoomAuditWiringTest {

    @Autowired
    private VideoRoomAudit audit;

    @Autowired
    private WebTestClient http;

    @Test
    void theAuditNeedsAppCredentials() {
        assertThat(audit).isNotNull();
        http.get().uri("/v2/apps/me/audit/video-rooms/1/events").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/v2/apps/me/audit/video-rooms/1/verify").headers(headers -> headers.setBasicAuth("no", "such"))
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
