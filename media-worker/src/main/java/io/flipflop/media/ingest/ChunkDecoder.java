package io.flipflop.media.ingest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles RTMP messages from chunks: the three basic header forms, message header types 0 to 3, extended
 * timestamps (also on type 3 chunks, as FFmpeg and librtmp send them), any chunk size the peer sets, and
 * interleaved chunk streams. Chunk-layer control messages are applied here: Set Chunk Size must take effect on
 * the very next chunk, Abort drops a half-received message, and Window Acknowledgement Size makes us acknowledge
 * the bytes received.
 * <p>
 * Limits (exceeding one throws {@link RtmpProtocolException}, which closes the connection): a message may not
 * announce more than {@code maxMessageSize} bytes, the bytes held in unfinished messages over all chunk streams
 * may not exceed it either, a peer may not set a chunk size above {@code maxChunkSize} nor use more than
 * {@code maxChunkStreams} chunk streams, and its messages are rate limited.
 */
final class ChunkDecoder extends ByteToMessageDecoder {

    static final int DEFAULT_CHUNK_SIZE = 128;
    private static final int SET_CHUNK_SIZE = 1;
    private static final int ABORT = 2;
    private static final int WINDOW_ACK_SIZE = 5;
    private static final long EXTENDED = 0xFFFFFF;
    private static final int[] HEADER_LENGTH = {11, 7, 3, 0};

    private final int maxMessageSize;
    private final int maxChunkSize;
    private final int maxChunkStreams;
    private final MessageRate rate;
    private final Map<Integer, ChunkStream> chunkStreams = new HashMap<>();
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private long pendingBytes;
    private long bytesReceived;
    private long ackWindow;
    private long acknowledged;

    ChunkDecoder(int maxMessageSize, int maxChunkSize, int maxChunkStreams, MessageRate rate) {
        this.maxMessageSize = maxMessageSize;
        this.maxChunkSize = maxChunkSize;
        this.maxChunkStreams = maxChunkStreams;
        this.rate = rate;
    }

    /** The state of one chunk stream: the last header's fields, for the shorter headers that follow it. */
    private static final class ChunkStream {
        long timestamp;
        long timestampField;
        boolean extended;
        int length;
        int typeId;
        int streamId;
        byte[] payload;
        int filled;
    }

    /** Decodes one chunk per call, or nothing until the whole chunk (header and data) has arrived. */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!ctx.channel().isOpen()) {
            // Closed for an earlier error: what was read after it is not worth a second one.
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        if (!decodeChunk(in, out)) {
            in.readerIndex(start);
            return;
        }
        bytesReceived += in.readerIndex() - start;
        if (ackWindow > 0 && bytesReceived - acknowledged >= ackWindow) {
            acknowledged = bytesReceived;
            ctx.writeAndFlush(OutboundMessage.acknowledgement(bytesReceived));
        }
    }

    private boolean decodeChunk(ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return false;
        }
        int first = in.readUnsignedByte();
        int format = first >>> 6;
        int chunkStreamId = first & 0x3F;
        if (chunkStreamId == 0) {
            if (!in.isReadable()) {
                return false;
            }
            chunkStreamId = 64 + in.readUnsignedByte();
        } else if (chunkStreamId == 1) {
            if (in.readableBytes() < 2) {
                return false;
            }
            chunkStreamId = 64 + in.readUnsignedByte() + in.readUnsignedByte() * 256;
        }
        if (in.readableBytes() < HEADER_LENGTH[format]) {
            return false;
        }
        ChunkStream stream = chunkStreams.get(chunkStreamId);
        if (stream == null) {
            if (chunkStreams.size() >= maxChunkStreams) {
                throw new RtmpProtocolException("More than " + maxChunkStreams + " chunk streams");
            }
            // A stream's first chunk should carry a full header, but FFmpeg starts some with type 1 against an
            // all-zero previous header; doing the same accepts what it sends.
            stream = new ChunkStream();
        }
        boolean startsMessage = stream.payload == null;
        if (format < 3 && !startsMessage) {
            throw new RtmpProtocolException("A new message header on chunk stream " + chunkStreamId
                    + " before its previous message ended");
        }
        long timestampField = stream.timestampField;
        int length = stream.length;
        int typeId = stream.typeId;
        int streamId = stream.streamId;
        if (format <= 2) {
            timestampField = in.readUnsignedMedium();
        }
        if (format <= 1) {
            length = in.readUnsignedMedium();
            typeId = in.readUnsignedByte();
        }
        if (format == 0) {
            streamId = in.readIntLE();
        }
        boolean extended = format < 3 ? timestampField == EXTENDED : stream.extended;
        if (extended) {
            if (in.readableBytes() < 4) {
                return false;
            }
            long extendedTimestamp = in.readUnsignedInt();
            if (format < 3) {
                timestampField = extendedTimestamp;
            }
        }
        if (startsMessage && length > maxMessageSize) {
            throw new RtmpProtocolException("A message of " + length + " bytes, more than the "
                    + maxMessageSize + " allowed");
        }
        int filled = startsMessage ? 0 : stream.filled;
        int bytes = Math.min(chunkSize, length - filled);
        if (in.readableBytes() < bytes) {
            return false;
        }
        if (startsMessage) {
            stream.timestamp = format == 0 ? timestampField : (stream.timestamp + timestampField) & 0xFFFFFFFFL;
            stream.timestampField = timestampField;
            stream.extended = extended;
            stream.length = length;
            stream.typeId = typeId;
            stream.streamId = streamId;
            stream.payload = new byte[Math.min(length, Math.max(bytes, 4096))];
            stream.filled = 0;
        }
        chunkStreams.put(chunkStreamId, stream);
        append(stream, in, bytes);
        if (stream.filled == stream.length) {
            byte[] payload = stream.payload.length == stream.length
                    ? stream.payload : Arrays.copyOf(stream.payload, stream.length);
            pendingBytes -= stream.length;
            stream.payload = null;
            rate.admit();
            complete(stream, payload, out);
        }
        return true;
    }

    /** Grows the message's buffer as its bytes arrive, so a header that announces much costs nothing yet. */
    private void append(ChunkStream stream, ByteBuf in, int bytes) {
        pendingBytes += bytes;
        if (pendingBytes > maxMessageSize) {
            throw new RtmpProtocolException("More than " + maxMessageSize + " bytes in unfinished messages");
        }
        if (stream.filled + bytes > stream.payload.length) {
            stream.payload = Arrays.copyOf(stream.payload,
                    Math.min(stream.length, Math.max(stream.filled + bytes, stream.payload.length * 2)));
        }
        in.readBytes(stream.payload, stream.filled, bytes);
        stream.filled += bytes;
    }

    private void complete(ChunkStream stream, byte[] payload, List<Object> out) {
        switch (stream.typeId) {
            case SET_CHUNK_SIZE -> {
                long size = u32(payload) & 0x7FFFFFFF;
                if (size < 1 || size > maxChunkSize) {
                    throw new RtmpProtocolException("Chunk size " + size + " outside 1.." + maxChunkSize);
                }
                chunkSize = (int) size;
            }
            case ABORT -> {
                ChunkStream aborted = chunkStreams.get((int) u32(payload));
                if (aborted != null && aborted.payload != null) {
                    pendingBytes -= aborted.filled;
                    aborted.payload = null;
                }
            }
            case WINDOW_ACK_SIZE -> ackWindow = u32(payload);
            default -> out.add(RtmpMessage.parse(stream.typeId, stream.timestamp, stream.streamId, payload));
        }
    }

    private static long u32(byte[] payload) {
        if (payload.length < 4) {
            throw new RtmpProtocolException("Protocol control message cut short");
        }
        return ((payload[0] & 0xFFL) << 24) | ((payload[1] & 0xFFL) << 16) | ((payload[2] & 0xFFL) << 8)
                | (payload[3] & 0xFFL);
    }
}
