package io.flipflop.media.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The server side of RTMP's plain handshake: C0+C1 in, S0+S1+S2 out (S2 echoes C1), then C2 in. The
 * digest-signed variant Flash players wanted is not needed: OBS and FFmpeg verify the server's digest only when
 * S1 announces a server version, and ours leaves those four bytes zero. When C2 has arrived the handler removes
 * itself; bytes already read past C2 (chunks the client sent without waiting) go on to the chunk decoder.
 * A client that has not finished within {@code timeout} is disconnected.
 */
final class HandshakeHandler extends ByteToMessageDecoder {

    static final int VERSION = 3;
    static final int PACKET_SIZE = 1536;

    private final Duration timeout;
    private ScheduledFuture<?> deadline;
    private boolean greeted;

    HandshakeHandler(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            RtmpConnection.LOG.info("RTMP handshake from {} timed out", ctx.channel().remoteAddress());
            ctx.close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        deadline.cancel(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!greeted) {
            if (in.readableBytes() < 1 + PACKET_SIZE) {
                return;
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new RtmpProtocolException("Unsupported RTMP version " + version);
            }
            ctx.writeAndFlush(serverGreeting(in.readSlice(PACKET_SIZE)));
            greeted = true;
        }
        if (in.readableBytes() < PACKET_SIZE) {
            return;
        }
        in.skipBytes(PACKET_SIZE);
        ctx.pipeline().remove(this);
    }

    /** S0, S1 (our time, four zero bytes, random) and S2 (C1 echoed). */
    static ByteBuf serverGreeting(ByteBuf c1) {
        byte[] random = new byte[PACKET_SIZE - 8];
        ThreadLocalRandom.current().nextBytes(random);
        ByteBuf greeting = c1.alloc().buffer(1 + 2 * PACKET_SIZE);
        greeting.writeByte(VERSION)
                .writeInt(0)
                .writeInt(0)
                .writeBytes(random)
                .writeBytes(c1, c1.readerIndex(), PACKET_SIZE);
        return greeting;
    }
}
