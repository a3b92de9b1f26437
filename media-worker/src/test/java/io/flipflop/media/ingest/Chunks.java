package io.flipflop.media.ingest;

import java.io.ByteArrayOutputStream;

/** Writes RTMP chunks byte by byte, as a publisher would, for tests of the server's reading side. */
final class Chunks {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Basic header in its 1-, 2- or 3-byte form, as the chunk stream id needs. */
    Chunks basic(int format, int chunkStreamId) {
        if (chunkStreamId < 64) {
            out.write(format << 6 | chunkStreamId);
        } else if (chunkStreamId < 320) {
            out.write(format << 6);
            out.write(chunkStreamId - 64);
        } else {
            out.write(format << 6 | 1);
            out.write((chunkStreamId - 64) & 0xFF);
            out.write((chunkStreamId - 64) >> 8);
        }
        return this;
    }

    Chunks type0(int chunkStreamId, long timestamp, int length, int typeId, int streamId) {
        basic(0, chunkStreamId);
        u24(Math.min(timestamp, 0xFFFFFF)).u24(length).u8(typeId);
        out.write(streamId);
        out.write(streamId >> 8);
        out.write(streamId >> 16);
        out.write(streamId >> 24);
        return timestamp >= 0xFFFFFF ? u32(timestamp) : this;
    }

    Chunks type1(int chunkStreamId, long delta, int length, int typeId) {
        basic(1, chunkStreamId);
        u24(Math.min(delta, 0xFFFFFF)).u24(length).u8(typeId);
        return delta >= 0xFFFFFF ? u32(delta) : this;
    }

    Chunks type2(int chunkStreamId, long delta) {
        basic(2, chunkStreamId);
        u24(Math.min(delta, 0xFFFFFF));
        return delta >= 0xFFFFFF ? u32(delta) : this;
    }

    Chunks type3(int chunkStreamId) {
        return basic(3, chunkStreamId);
    }

    Chunks bytes(byte[] bytes, int from, int to) {
        out.write(bytes, from, to - from);
        return this;
    }

    Chunks bytes(byte[] bytes) {
        return bytes(bytes, 0, bytes.length);
    }

    Chunks u8(int value) {
        out.write(value);
        return this;
    }

    Chunks u24(long value) {
        out.write((int) (value >> 16));
        out.write((int) (value >> 8));
        out.write((int) value);
        return this;
    }

    Chunks u32(long value) {
        out.write((int) (value >> 24));
        return u24(value);
    }

    /** A whole Set Chunk Size message on chunk stream 2. */
    Chunks setChunkSize(int size) {
        return type0(2, 0, 4, 1, 0).u32(size);
    }

    /** One message in chunks of {@code chunkSize}, type 0 first, type 3 after. */
    Chunks message(int chunkStreamId, long timestamp, int typeId, int streamId, byte[] payload, int chunkSize) {
        type0(chunkStreamId, timestamp, payload.length, typeId, streamId);
        for (int offset = 0; offset < payload.length; offset += chunkSize) {
            if (offset > 0) {
                type3(chunkStreamId);
                if (timestamp >= 0xFFFFFF) {
                    u32(timestamp);
                }
            }
            bytes(payload, offset, Math.min(payload.length, offset + chunkSize));
        }
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
