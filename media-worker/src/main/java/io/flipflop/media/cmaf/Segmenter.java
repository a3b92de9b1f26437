package io.flipflop.media.cmaf;

/**
 * Decides where fragments end: before each packet goes to the MP4 muxer, whether the open part (and with it
 * the segment) must be closed first. Pure bookkeeping over decode times in milliseconds, so every rule here is
 * tested without FFmpeg.
 *
 * <p>The reference track (video, or audio when there is none) is the clock: parts close before the packet
 * that would carry them past the part target, so a part never exceeds PART-TARGET; segments close at the
 * first reference keyframe at or after the segment target, or unconditionally before exceeding the maximum.
 * When the reference track stalls for longer than half a part, the other track keeps the clock going; the part
 * during which the stall began may then run up to half a part over the target (and a segment up to that over
 * its maximum, still within the rounding of EXT-X-TARGETDURATION).
 */
final class Segmenter {

    /** FLV times are rounded to milliseconds: a 2 s GOP may put its keyframe at 1999 ms. */
    static final long KEYFRAME_TOLERANCE_MS = 10;

    private final long partTargetMs;
    private final long segmentTargetMs;
    private final long maxSegmentMs;

    private boolean open;
    private long partStart;
    private long segmentStart;
    private boolean partIndependent;
    private boolean partHasReference;
    private boolean partStartsDiscontinuity;
    private long lastReferenceDts = Long.MIN_VALUE;
    private long referenceEnd;
    private long clockEnd;

    Segmenter(long partTargetMs, long segmentTargetMs, long maxSegmentMs) {
        this.partTargetMs = partTargetMs;
        this.segmentTargetMs = segmentTargetMs;
        this.maxSegmentMs = maxSegmentMs;
    }

    /**
     * Call before handing {@code packet} to the muxer. If the result closes a part, flush the muxer's fragment
     * first: that fragment is the returned part, and {@code packet} opens the next one.
     */
    ClosedPart next(Packet packet) {
        if (!open) {
            open = true;
            segmentStart = packet.dts();
            startPart(packet);
            return null;
        }
        Cut cut = decide(packet);
        ClosedPart closed = null;
        if (cut != Cut.NONE) {
            closed = closedPart(packet.dts() - partStart, cut == Cut.SEGMENT);
            if (cut == Cut.SEGMENT) {
                segmentStart = packet.dts();
            }
            startPart(packet);
        } else {
            include(packet);
        }
        return closed;
    }

    /** The publisher is gone: the open part, if any, ends the last segment. */
    ClosedPart finish() {
        if (!open) {
            return null;
        }
        open = false;
        long end = partHasReference ? referenceEnd : clockEnd;
        return closedPart(Math.max(1, end - partStart), true);
    }

    private Cut decide(Packet p) {
        if (p.discontinuity()) {
            return Cut.SEGMENT;
        }
        boolean clock = p.reference() || lastReferenceDts == Long.MIN_VALUE || p.dts() - lastReferenceDts > partTargetMs / 2;
        if (!clock || p.dts() <= partStart) {
            return Cut.NONE;
        }
        long end = p.dts() + p.duration();
        if (p.reference() && p.keyframe() && p.dts() - segmentStart >= segmentTargetMs - KEYFRAME_TOLERANCE_MS) {
            return Cut.SEGMENT;
        }
        if (end - segmentStart > maxSegmentMs) {
            return Cut.SEGMENT;
        }
        if (end - partStart > partTargetMs) {
            return Cut.PART;
        }
        return Cut.NONE;
    }

    private void startPart(Packet p) {
        partStart = p.dts();
        partHasReference = false;
        partIndependent = false;
        partStartsDiscontinuity = p.discontinuity();
        clockEnd = p.dts();
        include(p);
    }

    private void include(Packet p) {
        if (p.reference()) {
            if (!partHasReference) {
                partIndependent = p.keyframe();
                partHasReference = true;
            }
            lastReferenceDts = p.dts();
            referenceEnd = p.dts() + p.duration();
        }
        clockEnd = Math.max(clockEnd, p.dts() + p.duration());
    }

    private ClosedPart closedPart(long duration, boolean endsSegment) {
        boolean startsSegment = partStart == segmentStart;
        return new ClosedPart(partStart, duration, partIndependent, startsSegment, endsSegment, partStartsDiscontinuity);
    }

    private enum Cut { NONE, PART, SEGMENT }

    /** What the segmenter needs to know of a packet; times in milliseconds on the output timeline. */
    record Packet(boolean reference, boolean keyframe, long dts, long duration, boolean discontinuity) {
    }

    /**
     * A finished part. {@code startsSegment}: the first part of its segment; {@code endsSegment}: the last.
     * {@code discontinuity}: the source jumped right before it (only ever on a part that starts a segment).
     */
    record ClosedPart(long start, long duration, boolean independent, boolean startsSegment, boolean endsSegment,
                      boolean discontinuity) {
    }
}
