package io.flipflop.media.ingest;

/**
 * Turns one published stream's RTMP timestamps (32-bit milliseconds that wrap after 49.7 days, and need not
 * start at 0) into milliseconds since the start of the publish that never go backwards within a track.
 * <p>
 * A wrap is told from reordering by distance: a value more than half the 32-bit range below the last one has
 * wrapped forward, one more than half above it is a late message from before a wrap. The last value is shared by
 * all tracks, so a track that crosses the wrap later than another still lands in the same epoch. The first audio or video
 * message sets the origin for all tracks, so audio and video stay in sync; script data before it is at 0.
 * A track that steps backwards (an encoder restart, a splice) is held at its last timestamp rather than handed
 * on: the packager needs decode order.
 */
final class TimestampUnwrapper {

    private static final long RANGE = 1L << 32;
    private static final long HALF = 1L << 31;

    private final Track audio = new Track();
    private final Track video = new Track();
    private final Track data = new Track();
    private Long origin;
    private long lastRaw = -1;
    private long epoch;

    private static final class Track {
        long lastOut = Long.MIN_VALUE;
    }

    long unwrap(int typeId, long rtmpTimestamp) {
        Track track = switch (typeId) {
            case RtmpMessage.AUDIO -> audio;
            case RtmpMessage.VIDEO -> video;
            default -> data;
        };
        long extended = extend(rtmpTimestamp & 0xFFFFFFFFL);
        if (origin == null && track != data) {
            origin = extended;
        }
        long out = origin == null ? 0 : Math.max(0, extended - origin);
        out = Math.max(out, track.lastOut);
        track.lastOut = out;
        return out;
    }

    private long extend(long raw) {
        if (lastRaw >= 0) {
            if (raw < lastRaw && lastRaw - raw > HALF) {
                epoch += RANGE;
            } else if (raw > lastRaw && raw - lastRaw > HALF) {
                return epoch - RANGE + raw;
            }
        }
        lastRaw = raw;
        return epoch + raw;
    }
}
