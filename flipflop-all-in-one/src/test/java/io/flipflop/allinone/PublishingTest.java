package io.flipflop.allinone;

import io.flipflop.media.ingest.RtmpServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an end-to-end test that publishes with ffmpeg needs from the running platform (its HTTP client and port,
 * the RTMP server), and the publisher it must not leave running.
 */
abstract class PublishingTest {

    @Autowired
    WebTestClient http;

    @Autowired
    RtmpServer rtmp;

    @LocalServerPort
    int port;

    Process publisher;

    /** Answers that wait for media, and the first OpenAPI document, take longer than the client's default 5 s. */
    @BeforeEach
    void aPatientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void stopPublishing() {
        if (publisher != null) {
            publisher.destroyForcibly();
        }
    }
}
