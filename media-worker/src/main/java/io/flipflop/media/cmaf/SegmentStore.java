package io.flipflop.media.cmaf;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The one store of a live stream's CMAF fragments that the HLS playlists, the DASH manifest and the recording
 * all read. One packaging thread writes (through {@link Publish}); any number of readers take the current
 * {@link Snapshot} or wait for a future one. Waiting is a condition over snapshots, checked each time a part
 * lands, so a blocking playlist request is answered by the append itself, never by polling.
 *
 * <p>Memory holds the window's metadata and the bytes of the parts near the live edge; complete segments are
 * read back from the {@link Recording}.
 */
final class SegmentStore {

    /** Part bytes stay in memory for this many complete segments: a little more than the playlists list. */
    static final int SEGMENTS_WITH_PART_BYTES = HlsMediaPlaylist.SEGMENTS_WITH_PARTS + 2;

    private final Snapshot.Timing timing;
    private final int windowSegments;
    private final Recording recording;
    private final Clock clock;

    private final Deque<Segment> window = new ArrayDeque<>();
    private final List<InitSegment> inits = new ArrayList<>();
    private final List<Snapshot.Period> periods = new ArrayList<>();
    private final Map<Long, byte[]> partBytes = new LinkedHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Part> pendingParts = new ArrayList<>();
    private Segment pendingHead;
    private long nextMsn;
    private long nextPartSequence;
    private long discontinuitySequence;
    private Instant availabilityStart;
    private long presentationEnd;
    private long peakBitrate;
    private long totalBytes;
    private long totalMillis;
    private int publishes;
    private boolean ended;
    private volatile Snapshot current;

    SegmentStore(Snapshot.Timing timing, int windowSegments, Recording recording, Clock clock) {
        this.timing = timing;
        this.windowSegments = windowSegments;
        this.recording = recording;
        this.clock = clock;
        this.current = snapshot();
    }

    Snapshot current() {
        return current;
    }

    Recording recording() {
        return recording;
    }

    /**
     * Completes with the first snapshot that satisfies {@code condition} (at once if the current one does) or
     * that ends the stream; fails with a {@link java.util.concurrent.TimeoutException} after {@code timeout},
     * which also drops the waiter.
     */
    CompletableFuture<Snapshot> await(Predicate<Snapshot> condition, Duration timeout) {
        synchronized (this) {
            if (current.ended() || condition.test(current)) {
                return CompletableFuture.completedFuture(current);
            }
            Waiter waiter = new Waiter(condition, new CompletableFuture<>());
            waiters.add(waiter);
            waiter.future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((s, e) -> forget(waiter));
            return waiter.future;
        }
    }

    Optional<byte[]> part(long sequence) {
        synchronized (this) {
            return Optional.ofNullable(partBytes.get(sequence));
        }
    }

    Optional<byte[]> segment(long msn) {
        Snapshot s = current;
        boolean listed = s.segments().stream().anyMatch(seg -> seg.msn() == msn);
        return listed ? recording.read(MediaNames.segment(msn)) : Optional.empty();
    }

    Optional<byte[]> init(int period) {
        return current.inits().stream().filter(i -> i.period() == period).findFirst().map(InitSegment::bytes);
    }

    /**
     * A new publisher takes over; whatever an earlier one still sends is ignored from now on. A segment the
     * earlier one left unfinished (its packaging failed) is closed as it is: its parts were already listed.
     */
    Publish publish(byte[] initBytes) {
        Release ready;
        InitSegment init;
        synchronized (this) {
            if (pendingHead != null) {
                completeSegment();
            }
            init = InitSegment.parse(publishes, initBytes);
            publishes++;
            recording.init(init);
            inits.add(init);
            ready = publishNew();
        }
        ready.run();
        return new Publish(init.period());
    }

    /** The broadcast is over: playlists end, waiters are answered, the recording is closed. */
    void end() {
        Release ready;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            recording.end();
            ready = publishNew();
        }
        ready.run();
    }

    private void append(int period, Segmenter.ClosedPart closed, byte[] bytes) {
        Release ready;
        synchronized (this) {
            if (ended || period != publishes - 1) {
                return;
            }
            addPart(period, closed, bytes);
            ready = publishNew();
        }
        ready.run();
    }

    private void addPart(int period, Segmenter.ClosedPart closed, byte[] bytes) {
        Instant now = clock.instant();
        if (availabilityStart == null) {
            availabilityStart = now.minusMillis(closed.duration());
        }
        if (pendingHead == null) {
            startSegment(period, closed, now);
        }
        Part part = new Part(nextPartSequence++, nextMsn, pendingParts.size(), closed.start(), closed.duration(),
                closed.independent(), bytes.length);
        pendingParts.add(part);
        partBytes.put(part.sequence(), bytes);
        if (closed.endsSegment()) {
            completeSegment();
        }
    }

    private void startSegment(int period, Segmenter.ClosedPart closed, Instant now) {
        boolean newPeriod = periods.isEmpty() || periods.get(periods.size() - 1).id() != period;
        if (newPeriod) {
            // A reconnect starts where the wall clock is now, so DASH clients computing the live edge from
            // availabilityStartTime find it; never before the previous period ended.
            long sinceStart = Duration.between(availabilityStart, now).toMillis() - closed.duration();
            periods.add(new Snapshot.Period(period, Math.max(presentationEnd, sinceStart), closed.start()));
        }
        Snapshot.Period p = periods.get(periods.size() - 1);
        long presentationStart = p.presentationStart() + (closed.start() - p.mediaStart());
        boolean discontinuity = (newPeriod && period > 0) || closed.discontinuity();
        pendingHead = new Segment(nextMsn, period, discontinuity, closed.start(), 0, presentationStart,
                availabilityStart.plusMillis(presentationStart), List.of(), false, 0);
    }

    private void completeSegment() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long duration = 0;
        for (Part part : pendingParts) {
            bytes.writeBytes(partBytes.get(part.sequence()));
            duration += part.duration();
        }
        Segment segment = withParts(pendingHead, true, duration, bytes.size());
        recording.segment(segment, bytes.toByteArray(), clock.instant());
        window.addLast(segment);
        nextMsn++;
        pendingParts.clear();
        pendingHead = null;
        presentationEnd = segment.presentationStart() + duration;
        peakBitrate = Math.max(peakBitrate, bitrate(segment.size(), duration));
        totalBytes += segment.size();
        totalMillis += duration;
        while (window.size() > windowSegments) {
            if (window.removeFirst().discontinuity()) {
                discontinuitySequence++;
            }
        }
        long keepPartsFrom = nextMsn - SEGMENTS_WITH_PART_BYTES;
        window.stream().filter(seg -> seg.msn() == keepPartsFrom).findFirst().ifPresent(oldest -> {
            long keepFrom = oldest.parts().get(0).sequence();
            partBytes.keySet().removeIf(sequence -> sequence < keepFrom);
        });
        int firstPeriod = window.getFirst().period();
        inits.removeIf(i -> i.period() < firstPeriod);
        periods.removeIf(p -> p.id() < firstPeriod);
    }

    private Segment withParts(Segment head, boolean complete, long duration, long size) {
        return new Segment(head.msn(), head.period(), head.discontinuity(), head.start(), duration,
                head.presentationStart(), head.programDateTime(), pendingParts, complete, size);
    }

    /** Makes the next snapshot current; returns the waiters it satisfies, to be released outside the lock. */
    private Release publishNew() {
        current = snapshot();
        List<Waiter> ready = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (current.ended() || waiter.condition.test(current)) {
                ready.add(waiter);
            }
        }
        waiters.removeAll(ready);
        return new Release(current, ready);
    }

    private Snapshot snapshot() {
        Segment pending = null;
        if (pendingHead != null) {
            long duration = pendingParts.stream().mapToLong(Part::duration).sum();
            long size = pendingParts.stream().mapToLong(Part::size).sum();
            pending = withParts(pendingHead, false, duration, size);
        }
        long average = totalMillis == 0 ? 0 : bitrate(totalBytes, totalMillis);
        return new Snapshot(timing, List.copyOf(window), pending, nextMsn, nextPartSequence, discontinuitySequence,
                inits, periods, availabilityStart, clock.instant(), ended, peakBitrate, average);
    }

    private synchronized void forget(Waiter waiter) {
        waiters.remove(waiter);
    }

    private static long bitrate(long bytes, long millis) {
        return millis <= 0 ? 0 : bytes * 8_000 / millis;
    }

    private record Waiter(Predicate<Snapshot> condition, CompletableFuture<Snapshot> future) {
    }

    /**
     * Waiters and the snapshot that satisfied them. Released outside the lock, because whatever callers chained
     * onto their futures runs right there, on the packaging thread.
     */
    private record Release(Snapshot snapshot, List<Waiter> waiters) {
        void run() {
            waiters.forEach(w -> w.future.complete(snapshot));
        }
    }

    /** One publisher's right to append; stale once a newer publisher took over. */
    final class Publish {
        private final int period;

        private Publish(int period) {
            this.period = period;
        }

        void append(Segmenter.ClosedPart closed, byte[] bytes) {
            SegmentStore.this.append(period, closed, bytes);
        }

        /** The first segment of this publish is complete: the stream is playable. */
        boolean hasSegment() {
            Snapshot s = current;
            return s.segments().stream().anyMatch(seg -> seg.period() == period);
        }
    }
}
