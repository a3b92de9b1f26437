package io.flipflop.media.ingest;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A whole message a publisher sent, after the chunk layer reassembled it. The chunk layer's own control messages
 * (Set Chunk Size, Abort, Window Acknowledgement Size) are consumed by {@link ChunkDecoder} and never appear here.
 * {@code timestamp} is the RTMP one: unsigned 32 bits, wrapping; {@link TimestampUnwrapper} makes it absolute.
 */
sealed interface RtmpMessage {

    int AUDIO = 8;
    int VIDEO = 9;
    int DATA_AMF3 = 15;
    int COMMAND_AMF3 = 17;
    int DATA_AMF0 = 18;
    int COMMAND_AMF0 = 20;
    int USER_CONTROL = 4;

    /** An AMF0 command: connect, createStream, publish, ... {@code arguments} start with the command object. */
    record Command(int streamId, String name, double transactionId, List<Object> arguments) implements RtmpMessage {

        Object argument(int index) {
            return index < arguments.size() ? arguments.get(index) : null;
        }
    }

    /**
     * Audio, video or script data, its body as FLV stores it. A data message's {@code @setDataFrame} prefix (how
     * a publisher asks the server to keep the metadata) is already removed, leaving {@code onMetaData} first.
     */
    record Media(int typeId, long timestamp, int streamId, byte[] body) implements RtmpMessage {

        // A record compares arrays by identity; two media messages are equal when their bytes are.

        @Override
        public boolean equals(Object other) {
            return other instanceof Media media && media.typeId == typeId && media.timestamp == timestamp
                    && media.streamId == streamId && Arrays.equals(media.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(timestamp) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Media[type=" + typeId + ", timestamp=" + timestamp + ", streamId=" + streamId + ", bytes="
                    + body.length + "]";
        }
    }

    /** Ping requests and buffer lengths from the client. */
    record UserControl(int event, long value) implements RtmpMessage {

        static final int STREAM_BEGIN = 0;
        static final int STREAM_EOF = 1;
        static final int PING_REQUEST = 6;
        static final int PING_RESPONSE = 7;
    }

    /** What we need not act on: acknowledgements, peer bandwidth, shared objects, aggregates. */
    record Ignored(int typeId) implements RtmpMessage {
    }

    static RtmpMessage parse(int typeId, long timestamp, int streamId, byte[] payload) {
        return switch (typeId) {
            case AUDIO, VIDEO -> new Media(typeId, timestamp, streamId, payload);
            case DATA_AMF0 -> new Media(DATA_AMF0, timestamp, streamId, withoutSetDataFrame(payload));
            case DATA_AMF3 -> new Media(DATA_AMF0, timestamp, streamId, withoutSetDataFrame(skipFormatByte(payload)));
            case COMMAND_AMF0 -> command(streamId, payload);
            case COMMAND_AMF3 -> command(streamId, skipFormatByte(payload));
            case USER_CONTROL -> userControl(payload);
            default -> new Ignored(typeId);
        };
    }

    private static Command command(int streamId, byte[] payload) {
        List<Object> values = Amf0.decodeAll(payload);
        if (values.size() < 2 || !(values.get(0) instanceof String name) || !(values.get(1) instanceof Double id)) {
            throw new RtmpProtocolException("A command message without a name and transaction id");
        }
        // Not List.copyOf: arguments are often null
        return new Command(streamId, name, id, Collections.unmodifiableList(values.subList(2, values.size())));
    }

    private static UserControl userControl(byte[] payload) {
        if (payload.length < 2) {
            throw new RtmpProtocolException("User control message cut short");
        }
        int event = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        long value = 0;
        for (int i = 2; i < Math.min(6, payload.length); i++) {
            value = (value << 8) | (payload[i] & 0xFF);
        }
        return new UserControl(event, value);
    }

    private static byte[] withoutSetDataFrame(byte[] payload) {
        if (payload.length == 0) {
            return payload;
        }
        int first = Amf0.firstValueLength(payload);
        return "@setDataFrame".equals(Amf0.decodeAll(Arrays.copyOf(payload, first)).get(0))
                ? Arrays.copyOfRange(payload, first, payload.length)
                : payload;
    }

    /** AMF3 command and data messages used by some encoders still start with AMF0 after a format byte. */
    private static byte[] skipFormatByte(byte[] payload) {
        return payload.length == 0 ? payload : Arrays.copyOfRange(payload, 1, payload.length);
    }
}
