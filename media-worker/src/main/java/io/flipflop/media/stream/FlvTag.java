package io.flipflop.media.stream;

/**
 * One audio, video or script-data message of a published stream, exactly as RTMP carries it and FLV stores
 * it: the RTMP server hands these to the packager, which feeds them to FFmpeg's FLV demuxer. The timestamp is
 * already made absolute and monotonic by the RTMP layer (32-bit wraps and extended timestamps resolved).
 *
 * @param type      {@link #AUDIO}, {@link #VIDEO} or {@link #SCRIPT_DATA} (FLV tag types)
 * @param timestamp milliseconds since the start of the publish
 * @param body      the FLV tag body (for video: frame type/codec byte or Enhanced RTMP FourCC header, then data)
 */
public record FlvTag(int type, long timestamp, byte[] body) {

    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int SCRIPT_DATA = 18;
}
