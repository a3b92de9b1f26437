package io.flipflop.allinone;

import io.flipflop.media.ingest.RtmpServer;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void stopPublishing() {
        if (publisher != null) {
            publisher.destroyForcibly();
        }
    }
}
