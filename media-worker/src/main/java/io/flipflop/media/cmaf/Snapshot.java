package io.flipflop.media.cmaf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one live stream looks like at one instant: the input of every playlist and manifest writer, which are
 * pure functions of it. Immutable; the store publishes a new one after each part.
 *
 * @param segments             complete segments in the live window, oldest first
 * @param pending              the segment being filled (its parts so far), or null between segments
 * @param nextMsn              the MSN the pending (or next) segment has
 * @param nextPartSequence     the sequence number the next part will get (the PRELOAD-HINT)
 * @param discontinuitySequence discontinuities that left the window (EXT-X-DISCONTINUITY-SEQUENCE)
 * @param inits                init segments of the periods still referenced, oldest first
 * @param periods              first segment of each period still referenced, for DASH
 * @param availabilityStart    wall-clock time of presentation time zero (DASH availabilityStartTime)
 * @param publishTime          when this snapshot was made
 * @param ended                the broadcast is over: playlists end (EXT-X-ENDLIST), the MPD turns static
 * @param peakBitrate          highest bit rate of any segment so far, bits per second
 */
record Snapshot(Timing timing, List<Segment> segments, Segment pending, long nextMsn, long nextPartSequence,
                long discontinuitySequence, List<InitSegment> inits, List<Period> periods,
                Instant availabilityStart, Instant publishTime, boolean ended, long peakBitrate, long averageBitrate) {

    Snapshot {
        segments = List.copyOf(segments);
        inits = List.copyOf(inits);
        periods = List.copyOf(periods);
    }

    Optional<InitSegment> currentInit() {
        return inits.isEmpty() ? Optional.empty() : Optional.of(inits.get(inits.size() - 1));
    }

    /** Whether the playlist already holds part {@code part} of segment {@code msn}, or a later one. */
    boolean hasPart(long msn, int part) {
        return msn < nextMsn || (msn == nextMsn && pending != null && pending.parts().size() > part);
    }

    /** Whether segment {@code msn} is complete. */
    boolean hasSegment(long msn) {
        return msn < nextMsn;
    }

    /** The targets every writer declares, fixed for the life of the stream. */
    record Timing(long partTargetMs, long segmentTargetMs, int targetDurationSeconds) {

        long partHoldBackMs() {
            return 3 * partTargetMs;
        }

        /** RFC 8216bis: CAN-SKIP-UNTIL is at least six target durations. */
        long canSkipUntilMs() {
            return 6_000L * targetDurationSeconds;
        }
    }

    /**
     * A publish as DASH sees it.
     *
     * @param presentationStart milliseconds after availabilityStart (Period@start)
     * @param mediaStart        decode time of its first segment (presentationTimeOffset)
     */
    record Period(int id, long presentationStart, long mediaStart) {
    }
}
