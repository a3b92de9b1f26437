package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.media.stream.FlvTag;
import io.flipflop.platform.security.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtmpPublishTest {

    private static final String KEY = "sEcReTkEy0123456789abcdefABCDEF0";
    private static final long KEY_ID = 7;
    static final byte[] AVC_SEQUENCE_HEADER = {0x17, 0, 0, 0, 0, 1, 0x64, 0, 0x1f};
    static final byte[] AVC_KEYFRAME = {0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65};
    static final byte[] AAC_FRAME = {(byte) 0xAF, 1, 0x21};

    private TestIngestServer server = TestIngestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKnownKeyStartsItsIngestAndItsTagsReachThePackager() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            assertThat(publisher.publish(KEY)).isEqualTo("NetStream.Publish.Start");

            sendMedia(publisher, 1000);

            await().until(() -> tags().size() == 3);
            assertThat(tags()).extracting(FlvTag::type, FlvTag::timestamp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(FlvTag.VIDEO, 0L),
                            org.assertj.core.groups.Tuple.tuple(FlvTag.VIDEO, 0L),
                            org.assertj.core.groups.Tuple.tuple(FlvTag.AUDIO, 23L));
            await().until(() -> server.commands.lifecycle(KEY_ID).size() == 2);
            assertThat(server.commands.lifecycle(KEY_ID)).containsExactly("startIngest 7", "startCmafPublish 7");
        }
        await().until(() -> server.commands.lifecycle(KEY_ID).size() == 3);
        assertThat(server.commands.lifecycle(KEY_ID)).last().isEqualTo("stopCmafPublish 7 PUBLISHER_DISCONNECTED");
        assertThat(server.sinks.byStreamKey.get(KEY_ID).closed).isTrue();
        assertThat(server.sinks.byStreamKey.get(KEY_ID).stream.workerId()).isEqualTo("worker-test");
    }

    @Test
    void enhancedRtmpVideoPassesThroughUntouched() throws IOException {
        server.addKey(KEY, KEY_ID);
        // Enhanced RTMP: ex-header bit, keyframe, PacketTypeSequenceStart, FourCC "hvc1", then the record
        byte[] hevcSequenceStart = {(byte) 0x90, 'h', 'v', 'c', '1', 1, 2, 3};
        byte[] av1Frame = {(byte) 0x91, 'a', 'v', '0', '1', 9, 9};
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish(KEY);

            publisher.send(new Chunks()
                    .message(6, 0, FlvTag.VIDEO, RtmpTestClient.STREAM_ID, hevcSequenceStart, 128)
                    .message(6, 33, FlvTag.VIDEO, RtmpTestClient.STREAM_ID, av1Frame, 128));

            await().until(() -> tags().size() == 2);
            assertThat(tags().get(0).body()).isEqualTo(hevcSequenceStart);
            assertThat(tags().get(1).body()).isEqualTo(av1Frame);
        }
    }

    @Test
    void anUnknownKeyIsRefusedAndNotLogged() throws IOException {
        try (LogCapture logs = new LogCapture(); RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            assertThat(publisher.publish(KEY)).isEqualTo("NetStream.Publish.BadName");

            assertThat(publisher.closedWithin(Duration.ofSeconds(2))).isTrue();
            assertThat(logs.texts()).anyMatch(line -> line.contains("unknown stream key #"))
                    .noneMatch(line -> line.contains(KEY));
        }
        assertThat(server.commands.sent()).isEmpty();
        assertThat(server.sinks.byStreamKey).isEmpty();
    }

    @Test
    void aSecondPublisherOnAKeyIngestingHereIsRefused() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (RtmpTestClient first = new RtmpTestClient(server.port());
             RtmpTestClient second = new RtmpTestClient(server.port())) {
            assertThat(first.publish(KEY)).isEqualTo("NetStream.Publish.Start");

            assertThat(second.publish(KEY)).isEqualTo("NetStream.Publish.BadName");
            assertThat(second.closedWithin(Duration.ofSeconds(2))).isTrue();

            sendMedia(first, 0);
            await().until(() -> tags().size() == 3);
        }
        assertThat(server.commands.lifecycle(KEY_ID)).startsWith("startIngest 7").containsOnlyOnce("startIngest 7");
    }

    @Test
    void aKeyIngestingOnAnotherWorkerIsRefused() throws IOException {
        server.addKey(KEY, KEY_ID);
        server.commands.refuseStartIngest(KEY_ID);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            assertThat(publisher.publish(KEY)).isEqualTo("NetStream.Publish.BadName");
            assertThat(publisher.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
        assertThat(server.ingests.count()).isZero();
        assertThat(server.sinks.byStreamKey).isEmpty();
    }

    @Test
    void aRevokedKeyDisconnectsItsPublisherWithin2Seconds() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish(KEY);

            server.ingests.revoked(KEY_ID, "anotherKeyString");
            assertThat(publisher.closedWithin(Duration.ofMillis(300))).as("a newer key string is not revoked")
                    .isFalse();
            server.ingests.revoked(KEY_ID, KEY);

            assertThat(publisher.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
        await().until(() -> server.ingests.count() == 0);
        assertThat(server.commands.lifecycle(KEY_ID)).as("the key has moved on already")
                .containsExactly("startIngest 7");
    }

    @Test
    void unpublishingStopsTheIngest() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish(KEY);

            publisher.command(RtmpTestClient.STREAM_ID, "FCUnpublish", null, KEY);
            publisher.command(0, "deleteStream", null, (double) RtmpTestClient.STREAM_ID);

            await().until(() -> server.commands.lifecycle(KEY_ID).size() == 2);
            assertThat(server.commands.lifecycle(KEY_ID))
                    .containsExactly("startIngest 7", "stopIngest 7 PUBLISHER_DISCONNECTED");
        }
    }

    @Test
    void stoppingTheServerStopsEveryIngestAsWorkerStopped() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish(KEY);

            server.server.stop();

            assertThat(server.commands.lifecycle(KEY_ID)).containsExactly("startIngest 7", "stopIngest 7 WORKER_STOPPED");
            assertThat(publisher.closedWithin(Duration.ofSeconds(1))).isTrue();
        }
    }

    @Test
    void renewsTheLeaseEveryThirdOfIt() throws IOException {
        server.close();
        server = new TestIngestServer(new RtmpSettings(true, "127.0.0.1", 0, null, null, null, null, null, null, null,
                null, null, 2), Duration.ofMillis(300));
        server.addKey(KEY, KEY_ID);
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish(KEY);

            await().atMost(Duration.ofSeconds(2))
                    .until(() -> server.commands.sent().stream().filter(c -> c.startsWith("renewIngestLease 7"))
                            .count() >= 3);
        }
    }

    @Test
    void aPackagerFallingFarBehindDropsItsPublisher() throws IOException {
        server.addKey(KEY, KEY_ID);
        server.sinks.stall();
        try (RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            publisher.publish(KEY);
            Chunks audio = new Chunks();
            for (int i = 0; i < 200; i++) {
                audio.message(4, i * 23L, FlvTag.AUDIO, RtmpTestClient.STREAM_ID, AAC_FRAME, 128);
            }
            publisher.send(audio);

            assertThat(publisher.closedWithin(Duration.ofSeconds(3))).isTrue();
        } finally {
            server.sinks.resume();
        }
        await().until(() -> server.commands.lifecycle(KEY_ID).size() == 2);
        assertThat(server.commands.lifecycle(KEY_ID)).last().isEqualTo("stopIngest 7 INGEST_FAILED");
    }

    @Test
    void anotherApplicationIsRefused() throws IOException {
        try (RtmpTestClient client = new RtmpTestClient(server.port())) {
            client.handshake();
            client.command(0, "connect", java.util.Map.of("app", "vod"));

            assertThat(RtmpTestClient.statusCode(client.expectCommand("_error")))
                    .isEqualTo("NetConnection.Connect.Rejected");
            assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    /** An AVC sequence header and a keyframe at {@code start}, an AAC frame 23 ms later. */
    static void sendMedia(RtmpTestClient publisher, long start) throws IOException {
        publisher.send(new Chunks()
                .message(6, start, FlvTag.VIDEO, RtmpTestClient.STREAM_ID, AVC_SEQUENCE_HEADER, 128)
                .message(6, start, FlvTag.VIDEO, RtmpTestClient.STREAM_ID, AVC_KEYFRAME, 128)
                .message(4, start + 23, FlvTag.AUDIO, RtmpTestClient.STREAM_ID, AAC_FRAME, 128));
    }

    private List<FlvTag> tags() {
        RecordingSinks.Sink sink = server.sinks.byStreamKey.get(KEY_ID);
        return sink == null ? List.of() : sink.tags;
    }
}
