package io.flipflop.media.flv;

/**
 * What an FLV tag body says about itself (FLV spec 10, Annex E; Enhanced RTMP v1): whether it is a codec
 * configuration or a video keyframe. Bodies are never empty here ({@code FlvWriter.accepts}).
 */
final class FlvTags {

    private static final int AVC = 7;
    private static final int HEVC_LEGACY = 12;
    private static final int AAC = 10;
    private static final int EX_HEADER = 0x80;
    private static final int KEYFRAME = 1;
    /** Legacy AVCPacketType and Enhanced RTMP's PacketTypeSequenceStart, AACPacketType: 0 is the configuration. */
    private static final int SEQUENCE_HEADER = 0;

    private FlvTags() {
    }

    static boolean isKeyframe(byte[] video) {
        int frameType = (video[0] & EX_HEADER) != 0 ? (video[0] >> 4) & 0x07 : (video[0] >> 4) & 0x0F;
        return frameType == KEYFRAME;
    }

    static boolean isVideoConfig(byte[] video) {
        if ((video[0] & EX_HEADER) != 0) {
            return (video[0] & 0x0F) == SEQUENCE_HEADER;
        }
        int codec = video[0] & 0x0F;
        return (codec == AVC || codec == HEVC_LEGACY) && video.length > 1 && video[1] == SEQUENCE_HEADER;
    }

    static boolean isAudioConfig(byte[] audio) {
        return ((audio[0] >> 4) & 0x0F) == AAC && audio.length > 1 && audio[1] == SEQUENCE_HEADER;
    }
}
