package io.flipflop.media.cmaf;

import java.util.Arrays;

/**
 * Keeps a stream's decode times usable for packaging, whatever the publisher sends: strictly increasing per
 * track (the MP4 muxer refuses anything else), and without gaps longer than a part, which no part or segment
 * could describe honestly. A gap is closed by shifting everything after it; a large jump (or any step back)
 * is reported so that the segment after it is marked as a discontinuity. Times are milliseconds.
 */
final class Timeline {

    /** Where a packet lands after a closed gap: about one frame after the last one, so players see no hole. */
    static final long RESUME_STEP_MS = 40;
    /** Audio and video interleave loosely in FLV; a step back within this is interleaving, not a jump. */
    static final long INTERLEAVE_TOLERANCE_MS = 1000;

    private final long longestGapMs;
    private final long discontinuityAfterMs;
    private final long[] lastDts;
    private long offset;
    private long latest = Long.MIN_VALUE;

    /**
     * @param tracks               number of tracks
     * @param longestGapMs         longer silences (on all tracks at once) are closed up
     * @param discontinuityAfterMs forward jumps longer than this are also reported as discontinuities
     */
    Timeline(int tracks, long longestGapMs, long discontinuityAfterMs) {
        this.longestGapMs = longestGapMs;
        this.discontinuityAfterMs = discontinuityAfterMs;
        this.lastDts = new long[tracks];
        Arrays.fill(lastDts, Long.MIN_VALUE);
    }

    Stamp place(int track, long dts, long pts) {
        long d = dts + offset;
        boolean discontinuity = false;
        if (latest != Long.MIN_VALUE) {
            long step = d - latest;
            if (step > longestGapMs || step < -INTERLEAVE_TOLERANCE_MS) {
                discontinuity = step > discontinuityAfterMs || step < 0;
                offset += latest + RESUME_STEP_MS - d;
                d = latest + RESUME_STEP_MS;
            }
        }
        if (lastDts[track] != Long.MIN_VALUE && d <= lastDts[track]) {
            d = lastDts[track] + 1;
        }
        long p = Math.max(pts + offset, d);
        lastDts[track] = d;
        latest = Math.max(latest, d);
        return new Stamp(d, p, discontinuity);
    }

    /** A packet's place on the output timeline; {@code discontinuity} if the source jumped just before it. */
    record Stamp(long dts, long pts, boolean discontinuity) {
    }
}
