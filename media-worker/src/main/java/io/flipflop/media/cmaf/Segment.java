package io.flipflop.media.cmaf;

import java.time.Instant;
import java.util.List;

/**
 * A media segment: consecutive parts from a keyframe (usually) to the next segment. While {@code complete} is
 * false it is the segment being filled, and {@code duration} covers the parts so far.
 *
 * @param period            the publish it belongs to (its init segment, its DASH Period)
 * @param discontinuity     the publisher reconnected or its timestamps jumped right before it
 * @param start             decode time of its first part in the period's media timeline, milliseconds
 * @param presentationStart where it starts on the live stream's timeline, milliseconds after
 *                          {@link Snapshot#availabilityStart()}; it follows the wall clock across reconnects
 * @param programDateTime   wall-clock time of its first sample
 */
record Segment(long msn, int period, boolean discontinuity, long start, long duration, long presentationStart,
               Instant programDateTime, List<Part> parts, boolean complete, long size) {

    Segment {
        parts = List.copyOf(parts);
    }
}
