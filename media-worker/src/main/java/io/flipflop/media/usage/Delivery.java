package io.flipflop.media.usage;

/**
 * One answer of the playback origin, as usage metering sees it: its bytes and, for media, which media time it
 * carries. Manifests (and answers cut short) count bytes only and neither open nor keep a viewer session; media
 * without a known time (an init segment, or media no longer listed) opens or keeps one but is not charged as
 * viewing time.
 *
 * @param msn    the media sequence number of a segment, or of the segment a part belongs to; -1 if untimed
 * @param part   the part's index within its segment; {@link #WHOLE_SEGMENT} for a whole segment
 * @param millis media duration carried
 */
public record Delivery(Kind kind, long bytes, long msn, int part, long millis) {

    public static final int WHOLE_SEGMENT = -1;

    public enum Kind { BYTES_ONLY, MEDIA }

    public static Delivery bytesOnly(long bytes) {
        return new Delivery(Kind.BYTES_ONLY, bytes, -1, WHOLE_SEGMENT, 0);
    }

    public static Delivery untimed(long bytes) {
        return new Delivery(Kind.MEDIA, bytes, -1, WHOLE_SEGMENT, 0);
    }

    public static Delivery segment(long bytes, long msn, long millis) {
        return new Delivery(Kind.MEDIA, bytes, msn, WHOLE_SEGMENT, millis);
    }

    public static Delivery part(long bytes, long msn, int index, long millis) {
        return new Delivery(Kind.MEDIA, bytes, msn, index, millis);
    }
}
