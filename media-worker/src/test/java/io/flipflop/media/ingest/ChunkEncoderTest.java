package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.media.stream.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The server's chunks as a player's decoder (ours) reads them back, timestamps included. */
class ChunkEncoderTest {

    @Test
    void mediaKeepsItsTimestampAcrossChunksExtendedOnesIncludedAndWrapsAt32Bits() {
        byte[] body = new byte[300];
        body[0] = 0x27;
        for (long timestamp : new long[]{0, 40, 0xFFFFFE, 0xFFFFFF, 0x1234_5678L, 0x1_0000_0010L}) {
            EmbeddedChannel server = new EmbeddedChannel(new ChunkEncoder());
            EmbeddedChannel player = new EmbeddedChannel(new ChunkDecoder(1 << 20, 1 << 20, 64,
                    MessageRate.perSecond(1000)));

            server.writeOutbound(OutboundMessage.media(1, new FlvTag(FlvTag.VIDEO, timestamp, body)));
            player.writeInbound((ByteBuf) server.readOutbound());

            assertThat((RtmpMessage) player.readInbound()).as("timestamp %x", timestamp)
                    .isEqualTo(new RtmpMessage.Media(FlvTag.VIDEO, timestamp & 0xFFFF_FFFFL, 1, body));
            server.finishAndReleaseAll();
            player.finishAndReleaseAll();
        }
    }
}
