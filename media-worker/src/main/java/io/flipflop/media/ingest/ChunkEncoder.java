package io.flipflop.media.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Cuts the server's messages into chunks: a type 0 header (absolute timestamp), then type 3 headers every
 * {@code chunkSize} bytes. A timestamp from 0xFFFFFF on goes in the extended timestamp field, repeated after
 * every type 3 header as the specification (and FFmpeg, librtmp) expect. A Set Chunk Size message we send
 * applies to the chunks after it.
 */
final class ChunkEncoder extends MessageToByteEncoder<OutboundMessage> {

    private static final int EXTENDED = 0xFFFFFF;

    private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundMessage message, ByteBuf out) {
        byte[] payload = message.payload();
        long timestamp = message.timestamp() & 0xFFFFFFFFL;
        boolean extended = timestamp >= EXTENDED;
        out.writeByte(message.chunkStreamId())
                .writeMedium(extended ? EXTENDED : (int) timestamp)
                .writeMedium(payload.length)
                .writeByte(message.typeId())
                .writeIntLE(message.streamId());
        for (int offset = 0; offset < payload.length; offset += chunkSize) {
            if (offset > 0) {
                out.writeByte(0xC0 | message.chunkStreamId());
            }
            if (extended) {
                out.writeInt((int) timestamp);
            }
            out.writeBytes(payload, offset, Math.min(chunkSize, payload.length - offset));
        }
        if (message.typeId() == OutboundMessage.SET_CHUNK_SIZE) {
            chunkSize = ((payload[0] & 0x7F) << 24) | ((payload[1] & 0xFF) << 16) | ((payload[2] & 0xFF) << 8)
                    | (payload[3] & 0xFF);
        }
    }
}
