package io.flipflop.media.ingest;

import static io.flipflop.media.ingest.RtmpPublishTest.AAC_FRAME;
import static io.flipflop.media.ingest.RtmpPublishTest.AVC_KEYFRAME;
import static io.flipflop.media.ingest.RtmpPublishTest.AVC_SEQUENCE_HEADER;
import static io.flipflop.media.ingest.RtmpTestClient.STREAM_ID;
import static io.flipflop.media.ingest.RtmpTestClient.statusCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.media.flv.FlvStreams;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.platform.security.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RTMP play over raw chunks: a player joins a publish in mode RTMP through the server's FLV output, with the
 * admission of the playback origin played by a stand-in that admits one room with one token.
 */
class RtmpPlayTest {

    private static final String KEY = "sEcReTkEy0123456789abcdefABCDEF0";
    private static final long KEY_ID = 7;
    private static final String ROOM = "70";
    private static final String TOKEN = "tHeViEwErS.sTrEaMiNg.ToKeN";
    private static final byte[] AVC_INTER = {0x27, 1, 0, 0, 0, 0, 0, 0, 1, 0x41};

    private final FlvStreams flv = new FlvStreams();
    /** The origin's part: room 70 plays key 7's FLV output with TOKEN; another token is invalid. */
    private final RtmpPlayback playback = (room, token, client, agent) -> CompletableFuture.completedFuture(
            !ROOM.equals(room) ? new RtmpPlayback.Refused(RtmpPlayback.STREAM_NOT_FOUND, "no such room")
                    : !TOKEN.equals(token) ? new RtmpPlayback.Refused(RtmpPlayback.PLAY_FAILED, "invalid token")
                    : flv.watchTags(KEY_ID).<RtmpPlayback.Answer>map(RtmpPlayback.Admitted::new).orElseGet(() ->
                            new RtmpPlayback.Refused(RtmpPlayback.STREAM_NOT_FOUND, "no RTMP output")));
    /** An idle limit of 2 s, and room for a publisher that sends thousands of messages a second. */
    private final TestIngestServer server = new TestIngestServer(new RtmpSettings(true, "127.0.0.1", 0, null, null,
            null, 100_000, Duration.ofSeconds(2), Duration.ofSeconds(2), 4096, null, null, 2), Duration.ofSeconds(15),
            flv, playback);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPlayerGetsTheStreamFromTheLastKeyframeThenLiveTagsUntilThePublishEnds() throws Exception {
        server.addKey(KEY, KEY_ID);
        RtmpTestClient publisher = new RtmpTestClient(server.port());
        assertThat(publisher.publish(KEY + "?mode=RTMP")).isEqualTo("NetStream.Publish.Start");
        RtmpPublishTest.sendMedia(publisher, 1000);
        publisher.send(video(1033, AVC_INTER));
        await().until(() -> tags().size() == 4);

        try (RtmpTestClient player = new RtmpTestClient(server.port())) {
            assertThat(player.play(ROOM + "?streamingToken=" + TOKEN)).isEqualTo("NetStream.Play.Reset");
            assertThat(statusCode(player.expectCommand("onStatus"))).isEqualTo("NetStream.Play.Start");
            assertThat(player.received).contains(new RtmpMessage.UserControl(RtmpMessage.UserControl.STREAM_BEGIN,
                    STREAM_ID));
            assertThat(List.of(player.expectMedia(), player.expectMedia(), player.expectMedia(), player.expectMedia()))
                    .as("the ingest's clock starts at 0")
                    .containsExactly(new RtmpMessage.Media(FlvTag.VIDEO, 0, STREAM_ID, AVC_SEQUENCE_HEADER),
                            new RtmpMessage.Media(FlvTag.VIDEO, 0, STREAM_ID, AVC_KEYFRAME),
                            new RtmpMessage.Media(FlvTag.AUDIO, 23, STREAM_ID, AAC_FRAME),
                            new RtmpMessage.Media(FlvTag.VIDEO, 33, STREAM_ID, AVC_INTER));

            // a player sends nothing while it watches: longer than the idle limit is still watching
            for (int i = 1; i <= 12; i++) {
                publisher.send(new Chunks().message(4, 1023 + i * 250L, FlvTag.AUDIO, STREAM_ID, AAC_FRAME, 128));
                assertThat(player.expectMedia()).isEqualTo(new RtmpMessage.Media(FlvTag.AUDIO, 23 + i * 250L,
                        STREAM_ID, AAC_FRAME));
                Thread.sleep(250);
            }

            publisher.close();
            assertThat(statusCode(player.expectCommand("onStatus"))).isEqualTo("NetStream.Play.UnpublishNotify");
            assertThat(player.received).contains(new RtmpMessage.UserControl(RtmpMessage.UserControl.STREAM_EOF,
                    STREAM_ID));
            assertThat(player.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void aPlayerWithoutAccessOrWithoutAnRtmpOutputIsRefusedAndTheTokenIsNotLogged() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (LogCapture logs = new LogCapture(); RtmpTestClient publisher = new RtmpTestClient(server.port())) {
            assertThat(publisher.publish(KEY)).as("mode CMAF: no FLV output").isEqualTo("NetStream.Publish.Start");
            RtmpPublishTest.sendMedia(publisher, 0);

            assertThat(refusal(ROOM + "?streamingToken=" + TOKEN)).isEqualTo(RtmpPlayback.STREAM_NOT_FOUND);
            assertThat(refusal(ROOM + "?streamingToken=wRoNgViEwErToKeN")).isEqualTo(RtmpPlayback.PLAY_FAILED);
            assertThat(refusal("71?streamingToken=" + TOKEN)).isEqualTo(RtmpPlayback.STREAM_NOT_FOUND);
            assertThat(refusal("")).isEqualTo(RtmpPlayback.STREAM_NOT_FOUND);

            assertThat(logs.texts()).anyMatch(line -> line.contains("RTMP play of video room 70 from")
                            && line.contains("refused: invalid token"))
                    .noneMatch(line -> line.contains(TOKEN) || line.contains("wRoNgViEwErToKeN"));
        }
    }

    @Test
    void aPlayerThatStopsReadingIsDroppedWithoutHoldingThePublisher() throws IOException {
        server.addKey(KEY, KEY_ID);
        try (LogCapture logs = new LogCapture(); RtmpTestClient publisher = new RtmpTestClient(server.port());
             RtmpTestClient slow = new RtmpTestClient(server.port(), 4096)) {
            publisher.publish(KEY + "?mode=RTMP");
            RtmpPublishTest.sendMedia(publisher, 0);
            await().until(() -> tags().size() == 3);
            assertThat(slow.play(ROOM + "?streamingToken=" + TOKEN)).isEqualTo("NetStream.Play.Reset");

            // far more than the player's socket buffers and its queue of tags hold: 3000 frames of 16 KB
            byte[] frame = new byte[16 * 1024];
            System.arraycopy(AVC_INTER, 0, frame, 0, AVC_INTER.length);
            int frames = 3000;
            publisher.send(new Chunks().setChunkSize(frame.length));
            for (int i = 1; i <= frames; i++) {
                publisher.send(new Chunks().message(6, i * 33L, FlvTag.VIDEO, STREAM_ID, frame, frame.length));
            }

            await().untilAsserted(() -> assertThat(tags()).hasSize(3 + frames));
            await().until(() -> logs.texts().stream().anyMatch(line -> line.contains("Dropping RTMP player")
                    && line.contains("fell too far behind")));
            assertThat(slow.closedWithin(Duration.ofSeconds(5))).isTrue();
            publisher.send(new Chunks().message(6, (frames + 1) * 33L, FlvTag.VIDEO, STREAM_ID, frame, frame.length));
            await().until(() -> tags().size() == 4 + frames);
            assertThat(server.commands.lifecycle(KEY_ID)).as("still publishing").doesNotContain(
                    "stopCmafPublish 7 PUBLISHER_DISCONNECTED");
        }
    }

    private String refusal(String name) throws IOException {
        try (RtmpTestClient player = new RtmpTestClient(server.port())) {
            String code = player.play(name);
            assertThat(player.closedWithin(Duration.ofSeconds(2))).isTrue();
            return code;
        }
    }

    private static Chunks video(long timestamp, byte[] body) {
        return new Chunks().message(6, timestamp, FlvTag.VIDEO, STREAM_ID, body, 128);
    }

    private List<FlvTag> tags() {
        RecordingSinks.Sink sink = server.sinks.byStreamKey.get(KEY_ID);
        return sink == null ? List.of() : sink.tags;
    }
}
