package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandshakeHandlerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new HandshakeHandler(Duration.ofSeconds(5)));

    @Test
    void answersC0C1WithS0S1S2EchoingC1() {
        byte[] c1 = random(HandshakeHandler.PACKET_SIZE);

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {3}, c1));

        byte[] answer = ByteBufUtil.getBytes(channel.<ByteBuf>readOutbound());
        assertThat(answer).hasSize(1 + 2 * HandshakeHandler.PACKET_SIZE);
        assertThat(answer[0]).isEqualTo((byte) 3);
        assertThat(Arrays.copyOfRange(answer, 5, 9)).as("no server version: clients skip digest checks")
                .containsOnly(0);
        assertThat(Arrays.copyOfRange(answer, 1 + HandshakeHandler.PACKET_SIZE, answer.length)).isEqualTo(c1);
    }

    @Test
    void waitsForC1ToArriveWhole() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {3}, random(1000)));

        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void passesBytesAfterC2OnAndLeavesThePipeline() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {3}, random(HandshakeHandler.PACKET_SIZE)));
        channel.<ByteBuf>readOutbound().release();

        channel.writeInbound(Unpooled.wrappedBuffer(random(HandshakeHandler.PACKET_SIZE), new byte[] {7, 8, 9}));

        ByteBuf rest = channel.readInbound();
        assertThat(ByteBufUtil.getBytes(rest)).containsExactly(7, 8, 9);
        rest.release();
        assertThat(channel.pipeline().get(HandshakeHandler.class)).isNull();
    }

    @Test
    void refusesAnotherProtocolVersion() {
        assertThatThrownBy(() -> channel.writeInbound(
                Unpooled.wrappedBuffer(new byte[] {6}, random(HandshakeHandler.PACKET_SIZE))))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void closesAClientThatDoesNotFinishInTime() throws InterruptedException {
        EmbeddedChannel slow = new EmbeddedChannel(new HandshakeHandler(Duration.ofMillis(20)));
        slow.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, 0, 0}));

        TimeUnit.MILLISECONDS.sleep(50);
        slow.runPendingTasks();

        assertThat(slow.isOpen()).isFalse();
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
