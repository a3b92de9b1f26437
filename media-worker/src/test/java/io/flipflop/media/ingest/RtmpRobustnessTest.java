package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.platform.security.LogCapture;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken peers against the running server (handshake and idle timeouts of 2 s here). Each test ends
 * by publishing another stream, which must still work.
 */
class RtmpRobustnessTest {

    private final TestIngestServer server = TestIngestServer.start();
    private final AtomicLong nextKeyId = new AtomicLong(100);

    @BeforeEach
    void warmUp() throws IOException {
        assertServesAnotherStream();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTruncatedHandshakeEndsOnlyThatConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(new byte[] {3, 1, 2, 3});
        }

        assertServesAnotherStream();
    }

    @Test
    void aHandshakeThatStallsIsDropped() throws IOException {
        try (RtmpTestClient client = new RtmpTestClient(server.port())) {
            client.send(new byte[] {3, 0, 0, 0, 0});

            assertThat(client.closedWithin(Duration.ofSeconds(4))).isTrue();
        }
        assertServesAnotherStream();
    }

    @Test
    void garbageChunksCloseThatConnectionWithItsAddressInTheLog() throws IOException {
        try (LogCapture logs = new LogCapture(); RtmpTestClient client = new RtmpTestClient(server.port())) {
            client.handshake();
            client.send(HandshakeHandlerTest.random(64 * 1024));

            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
            assertThat(logs.texts()).anyMatch(line -> line.startsWith("Closing RTMP connection from /127.0.0.1:"));
        }
        assertServesAnotherStream();
    }

    @Test
    void aMessageHeaderAnnouncingMoreThanTheLimitIsRefusedAtOnce() throws IOException {
        try (RtmpTestClient client = new RtmpTestClient(server.port())) {
            client.handshake();
            // 24 bits are all a header has for the length: 16 MB, over the 8 MB limit (100 MB cannot be said).
            client.send(new Chunks().type0(6, 0, 0xFFFFFF, RtmpMessage.VIDEO, 1).bytes(new byte[100]));

            assertThat(client.closedWithin(Duration.ofMillis(500))).isTrue();
        }
        assertServesAnotherStream();
    }

    @Test
    void aPublisherThatStallsMidMessageIsDroppedAndItsIngestStopped() throws IOException {
        long keyId = nextKeyId.incrementAndGet();
        server.addKey("stalling", keyId);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish("stalling");
            publisher.send(new Chunks().type0(6, 0, 1000, RtmpMessage.VIDEO, RtmpTestClient.STREAM_ID)
                    .bytes(new byte[100]));

            assertThat(publisher.closedWithin(Duration.ofSeconds(4))).isTrue();
        }
        await().until(() -> server.commands.lifecycle(keyId).size() == 2);
        assertThat(server.commands.lifecycle(keyId)).last().isEqualTo("stopIngest " + keyId + " PUBLISHER_DISCONNECTED");
        assertServesAnotherStream();
    }

    @Test
    void twoHundredConnectDisconnectCyclesLeakNoThreadsNorDirectBuffers() throws IOException {
        long keyId = nextKeyId.incrementAndGet();
        server.addKey("cycling", keyId);
        try (RtmpTestClient other = new RtmpTestClient(server.port())) {
            long otherKeyId = nextKeyId.incrementAndGet();
            server.addKey("other", otherKeyId);
            assertThat(other.publish("other")).isEqualTo("NetStream.Publish.Start");
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            BufferPoolMXBean direct = directBuffers();
            long buffersBefore = direct.getCount();
            long bytesBefore = direct.getMemoryUsed();

            for (int cycle = 0; cycle < 200; cycle++) {
                try (RtmpTestClient client = new RtmpTestClient(server.port())) {
                    if (cycle % 2 == 0) {
                        assertThat(client.publish("cycling")).isEqualTo("NetStream.Publish.Start");
                        RtmpPublishTest.sendMedia(client, cycle);
                    } else {
                        client.handshake();
                    }
                }
                // the other stream keeps publishing meanwhile
                other.send(new Chunks().message(4, 23L * cycle, RtmpMessage.AUDIO, RtmpTestClient.STREAM_ID,
                        RtmpPublishTest.AAC_FRAME, 128));
                int publishes = cycle / 2 + 1;
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> server.commands.lifecycle(keyId).stream()
                        .filter(line -> line.startsWith("stop")).count() == publishes && server.ingests.count() == 1);
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 3);
                assertThat(direct.getCount()).isLessThanOrEqualTo(buffersBefore + 4);
                assertThat(direct.getMemoryUsed()).isLessThanOrEqualTo(bytesBefore + 16 * 1024 * 1024);
            });
            assertThat(server.commands.lifecycle(keyId)).filteredOn(line -> line.startsWith("startIngest"))
                    .hasSize(100);
            await().until(() -> server.sinks.byStreamKey.get(otherKeyId).tags.size() == 200);
        }
    }

    /** A fresh key publishes and its tags reach the packager. */
    private void assertServesAnotherStream() throws IOException {
        long keyId = nextKeyId.incrementAndGet();
        String key = "key" + keyId;
        server.addKey(key, keyId);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            assertThat(publisher.publish(key)).isEqualTo("NetStream.Publish.Start");
            RtmpPublishTest.sendMedia(publisher, 0);
            await().until(() -> server.sinks.byStreamKey.containsKey(keyId)
                    && server.sinks.byStreamKey.get(keyId).tags.size() == 3);
        }
        await().until(() -> server.ingests.count() == 0 || server.commands.lifecycle(keyId).size() == 3);
    }

    private static BufferPoolMXBean directBuffers() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
    }
}
