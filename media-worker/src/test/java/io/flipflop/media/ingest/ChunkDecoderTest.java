package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkDecoderTest {

    private static final int AUDIO = RtmpMessage.AUDIO;
    private static final int VIDEO = RtmpMessage.VIDEO;

    private final EmbeddedChannel channel = channel(8 * 1024 * 1024, 1024 * 1024);

    @Test
    void readsAMessageSpreadOverChunksOfTheDefaultSize() {
        byte[] frame = HandshakeHandlerTest.random(300);

        List<RtmpMessage> messages = feed(new Chunks().message(6, 40, VIDEO, 1, frame, 128));

        assertThat(messages).containsExactly(new RtmpMessage.Media(VIDEO, 40, 1, frame));
    }

    @Test
    void appliesASetChunkSizeToTheNextChunk() {
        byte[] frame = HandshakeHandlerTest.random(10_000);

        List<RtmpMessage> messages = feed(new Chunks().setChunkSize(4096).message(6, 0, VIDEO, 1, frame, 4096));

        assertThat(messages).containsExactly(new RtmpMessage.Media(VIDEO, 0, 1, frame));
    }

    @Test
    void takesTimestampDeltasFromShorterHeaders() {
        byte[] a = {1};
        byte[] b = {2, 2};
        Chunks chunks = new Chunks()
                .type0(4, 1000, 1, AUDIO, 1).bytes(a)
                .type1(4, 23, 2, AUDIO).bytes(b)
                .type2(4, 21).bytes(b)
                .type3(4).bytes(b);

        assertThat(feed(chunks)).containsExactly(
                new RtmpMessage.Media(AUDIO, 1000, 1, a),
                new RtmpMessage.Media(AUDIO, 1023, 1, b),
                new RtmpMessage.Media(AUDIO, 1044, 1, b),
                new RtmpMessage.Media(AUDIO, 1065, 1, b));
    }

    @Test
    void readsInterleavedChunkStreams() {
        byte[] video = HandshakeHandlerTest.random(200);
        byte[] audio = HandshakeHandlerTest.random(150);
        Chunks chunks = new Chunks()
                .type0(6, 100, 200, VIDEO, 1).bytes(video, 0, 128)
                .type0(4, 90, 150, AUDIO, 1).bytes(audio, 0, 128)
                .type3(6).bytes(video, 128, 200)
                .type3(4).bytes(audio, 128, 150);

        assertThat(feed(chunks)).containsExactly(
                new RtmpMessage.Media(VIDEO, 100, 1, video),
                new RtmpMessage.Media(AUDIO, 90, 1, audio));
    }

    @Test
    void readsExtendedTimestampsAlsoOnContinuationChunks() {
        byte[] frame = HandshakeHandlerTest.random(300);
        long late = 0x1234_5678L;

        List<RtmpMessage> messages = feed(new Chunks().message(6, late, VIDEO, 1, frame, 128)
                .type1(6, 0xFFFFFF + 10L, 1, VIDEO).bytes(new byte[] {9}));

        assertThat(messages).containsExactly(
                new RtmpMessage.Media(VIDEO, late, 1, frame),
                new RtmpMessage.Media(VIDEO, late + 0xFFFFFF + 10, 1, new byte[] {9}));
    }

    @Test
    void wrapsTimestampsAt32Bits() {
        Chunks chunks = new Chunks()
                .type0(4, 0xFFFF_FFF0L, 1, AUDIO, 1).u8(1)
                .type2(4, 0x20).u8(2);

        assertThat(feed(chunks)).extracting(message -> ((RtmpMessage.Media) message).timestamp())
                .containsExactly(0xFFFF_FFF0L, 0x10L);
    }

    @Test
    void readsTwoAndThreeByteChunkStreamIds() {
        Chunks chunks = new Chunks()
                .type0(100, 5, 1, AUDIO, 1).u8(1)
                .type0(1000, 6, 1, VIDEO, 1).u8(2);

        assertThat(feed(chunks)).containsExactly(
                new RtmpMessage.Media(AUDIO, 5, 1, new byte[] {1}),
                new RtmpMessage.Media(VIDEO, 6, 1, new byte[] {2}));
    }

    @Test
    void waitsForAChunkSplitAcrossReads() {
        byte[] bytes = new Chunks().message(6, 0, VIDEO, 1, HandshakeHandlerTest.random(100), 128).toBytes();
        List<RtmpMessage> messages = new ArrayList<>();

        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            drainInto(messages);
        }

        assertThat(messages).hasSize(1);
    }

    @Test
    void dropsAnAbortedMessage() {
        byte[] frame = HandshakeHandlerTest.random(200);
        Chunks chunks = new Chunks()
                .type0(6, 0, 200, VIDEO, 1).bytes(frame, 0, 128)
                .type0(2, 0, 4, 2, 0).u32(6)
                .type0(6, 40, 1, VIDEO, 1).u8(5);

        assertThat(feed(chunks)).containsExactly(new RtmpMessage.Media(VIDEO, 40, 1, new byte[] {5}));
    }

    @Test
    void stripsSetDataFrameFromMetadata() {
        byte[] body = Amf0.encode("@setDataFrame", "onMetaData", java.util.Map.of("width", 1280.0));

        List<RtmpMessage> messages = feed(new Chunks().message(4, 0, RtmpMessage.DATA_AMF0, 1, body, 128));

        byte[] tag = ((RtmpMessage.Media) messages.get(0)).body();
        assertThat(Amf0.decodeAll(tag)).containsExactly("onMetaData", java.util.Map.of("width", 1280.0));
    }

    @Test
    void acknowledgesOnceTheWindowIsReceived() {
        feed(new Chunks().type0(2, 0, 4, 5, 0).u32(1000)
                .message(6, 0, VIDEO, 1, HandshakeHandlerTest.random(1200), 128));

        ByteBuf ack = channel.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(ack);
        ack.release();
        assertThat(bytes[7]).as("type").isEqualTo((byte) 3);
    }

    @Test
    void refusesAMessageAboveTheLimit() {
        Chunks header = new Chunks().type0(6, 0, 0xFFFFFF, VIDEO, 1);

        assertThatThrownBy(() -> feed(header)).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("16777215 bytes");
    }

    @Test
    void refusesAChunkSizeAboveTheLimit() {
        assertThatThrownBy(() -> feed(new Chunks().setChunkSize(64 * 1024 * 1024)))
                .hasCauseInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void refusesUnfinishedMessagesThatTogetherExceedTheLimit() {
        EmbeddedChannel small = channel(1000, 4096);
        Chunks chunks = new Chunks().setChunkSize(4096);
        for (int stream = 4; stream < 8; stream++) {
            chunks.type0(stream, 0, 900, VIDEO, 1).bytes(new byte[300]);
        }

        assertThatThrownBy(() -> small.writeInbound(Unpooled.wrappedBuffer(chunks.toBytes())))
                .hasCauseInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void refusesAFloodOfMessages() {
        EmbeddedChannel limited = new EmbeddedChannel(new ChunkEncoder(),
                new ChunkDecoder(1 << 20, 1 << 20, 64, MessageRate.perSecond(10)));
        Chunks flood = new Chunks();
        for (int i = 0; i < 100; i++) {
            flood.type0(4, i, 1, AUDIO, 1).u8(i);
        }

        assertThatThrownBy(() -> limited.writeInbound(Unpooled.wrappedBuffer(flood.toBytes())))
                .hasCauseInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void readsWhatTheServersEncoderWrites() {
        EmbeddedChannel encoder = new EmbeddedChannel(new ChunkEncoder());
        encoder.writeOutbound(OutboundMessage.setChunkSize(100));
        OutboundMessage command = OutboundMessage.command(0, "_result", 1.0, null, "x".repeat(250));
        encoder.writeOutbound(command);
        List<RtmpMessage> messages = new ArrayList<>();
        for (ByteBuf bytes; (bytes = encoder.readOutbound()) != null; ) {
            channel.writeInbound(bytes);
            drainInto(messages);
        }

        assertThat(messages).containsExactly(new RtmpMessage.Command(0, "_result", 1.0,
                java.util.Arrays.asList(null, "x".repeat(250))));
    }

    private static EmbeddedChannel channel(int maxMessageSize, int maxChunkSize) {
        return new EmbeddedChannel(new ChunkEncoder(),
                new ChunkDecoder(maxMessageSize, maxChunkSize, 64, MessageRate.perSecond(100_000)));
    }

    private List<RtmpMessage> feed(Chunks chunks) {
        channel.writeInbound(Unpooled.wrappedBuffer(chunks.toBytes()));
        List<RtmpMessage> messages = new ArrayList<>();
        drainInto(messages);
        return messages;
    }

    private void drainInto(List<RtmpMessage> messages) {
        for (RtmpMessage message; (message = channel.readInbound()) != null; ) {
            messages.add(message);
        }
    }
}
