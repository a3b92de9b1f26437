package io.flipflop.media.cmaf;

import io.flipflop.media.stream.FlvTag;

/**
 * Turns the RTMP server's tags back into an FLV byte stream: the form FFmpeg's FLV demuxer reads, and the
 * HTTP-FLV output ({@code io.flipflop.media.flv}). Tags that could not be FLV (unknown type, empty, too large for
 * the 24-bit size field, negative time) are refused here, before they reach native code.
 */
public final class FlvWriter {

    /** The FLV data-size field has 24 bits. */
    static final int MAX_BODY = 0xFF_FFFF;
    private static final int TAG_HEADER = 11;
    private static final int PREVIOUS_TAG_SIZE = 4;

    private FlvWriter() {
    }

    /** The file header, announcing audio and video (the spec requires both), and PreviousTagSize0. */
    public static byte[] header() {
        return new byte[]{'F', 'L', 'V', 1, 0x05, 0, 0, 0, 9, 0, 0, 0, 0};
    }

    public static boolean accepts(FlvTag tag) {
        boolean knownType = tag.type() == FlvTag.AUDIO || tag.type() == FlvTag.VIDEO || tag.type() == FlvTag.SCRIPT_DATA;
        return knownType && tag.body() != null && tag.body().length > 0 && tag.body().length <= MAX_BODY
                && tag.timestamp() >= 0;
    }

    /**
     * One tag followed by its PreviousTagSize. Only the low 32 bits of the time fit; a publish longer than
     * 49 days wraps, which the remuxer's {@link Timeline} treats as a jump.
     */
    public static byte[] tag(FlvTag tag) {
        if (!accepts(tag)) {
            throw new IllegalArgumentException("not an FLV tag: type " + tag.type());
        }
        byte[] body = tag.body();
        byte[] out = new byte[TAG_HEADER + body.length + PREVIOUS_TAG_SIZE];
        long ts = tag.timestamp() & 0xFFFF_FFFFL;
        out[0] = (byte) tag.type();
        putInt24(out, 1, body.length);
        putInt24(out, 4, (int) ts);
        out[7] = (byte) (ts >>> 24);
        // bytes 8..10: stream id, always 0
        System.arraycopy(body, 0, out, TAG_HEADER, body.length);
        int size = TAG_HEADER + body.length;
        int at = TAG_HEADER + body.length;
        out[at] = (byte) (size >>> 24);
        putInt24(out, at + 1, size);
        return out;
    }

    private static void putInt24(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 16);
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) value;
    }
}
