package io.flipflop.media.ingest;

import io.flipflop.media.stream.FlvTag;
import java.nio.ByteBuffer;

/**
 * A message the server sends, before {@link ChunkEncoder} cuts it into chunks. Protocol control goes on chunk
 * stream 2 and message stream 0, as the specification requires; commands on chunk stream 3; a played stream's
 * audio and video on chunk streams of their own (4 and 6, as FMS and nginx-rtmp use).
 *
 * @param timestamp milliseconds; only media carries one, and only its low 32 bits are sent (RTMP's clock wraps)
 */
record OutboundMessage(int chunkStreamId, int typeId, int streamId, long timestamp, byte[] payload) {

    static final int CONTROL_CHUNK_STREAM = 2;
    static final int COMMAND_CHUNK_STREAM = 3;
    static final int AUDIO_CHUNK_STREAM = 4;
    static final int VIDEO_CHUNK_STREAM = 6;
    static final int SET_CHUNK_SIZE = 1;
    static final int ACKNOWLEDGEMENT = 3;
    static final int USER_CONTROL = 4;
    static final int WINDOW_ACK_SIZE = 5;
    static final int SET_PEER_BANDWIDTH = 6;
    static final int COMMAND_AMF0 = 20;
    /** Set Peer Bandwidth's limit type: the peer may use its own judgement between hard and soft. */
    static final int DYNAMIC_LIMIT = 2;

    static OutboundMessage setChunkSize(int size) {
        return control(SET_CHUNK_SIZE, ByteBuffer.allocate(4).putInt(size).array());
    }

    static OutboundMessage acknowledgement(long bytesReceived) {
        return control(ACKNOWLEDGEMENT, ByteBuffer.allocate(4).putInt((int) bytesReceived).array());
    }

    static OutboundMessage windowAckSize(int size) {
        return control(WINDOW_ACK_SIZE, ByteBuffer.allocate(4).putInt(size).array());
    }

    static OutboundMessage setPeerBandwidth(int size) {
        return control(SET_PEER_BANDWIDTH, ByteBuffer.allocate(5).putInt(size).put((byte) DYNAMIC_LIMIT).array());
    }

    static OutboundMessage userControl(int event, int value) {
        return control(USER_CONTROL, ByteBuffer.allocate(6).putShort((short) event).putInt(value).array());
    }

    static OutboundMessage command(int streamId, Object... values) {
        return new OutboundMessage(COMMAND_CHUNK_STREAM, COMMAND_AMF0, streamId, 0, Amf0.encode(values));
    }

    /** An FLV tag of a played stream: its type ids (audio 8, video 9) are RTMP's message type ids. */
    static OutboundMessage media(int streamId, FlvTag tag) {
        return new OutboundMessage(tag.type() == FlvTag.AUDIO ? AUDIO_CHUNK_STREAM : VIDEO_CHUNK_STREAM, tag.type(),
                streamId, tag.timestamp(), tag.body());
    }

    private static OutboundMessage control(int typeId, byte[] payload) {
        return new OutboundMessage(CONTROL_CHUNK_STREAM, typeId, 0, 0, payload);
    }
}
