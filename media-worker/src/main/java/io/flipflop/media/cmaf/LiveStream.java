package io.flipflop.media.cmaf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One stream key's live output, across publisher reconnects, as the playback origin sees it. File names are
 * those of {@link MediaNames}; all of them are relative to one base URL ({@code /live/{room}/}).
 *
 * <p>Methods that may wait return a {@link CompletableFuture} so that the WebFlux origin holds no thread while a
 * player blocks on the live edge; the future completes on the packaging thread when the part lands (keep
 * dependent stages short) or after three target durations. Playlists and the MPD are rendered per call from
 * an immutable snapshot.
 */
public final class LiveStream {

    /** RFC 8216bis: a request may run at most this many parts ahead of the last one. */
    static final int ADVANCE_PART_LIMIT = 3;

    private final long streamKeyId;
    private final SegmentStore store;
    private final Duration blockingTimeout;

    LiveStream(long streamKeyId, SegmentStore store) {
        this.streamKeyId = streamKeyId;
        this.store = store;
        this.blockingTimeout = Duration.ofSeconds(3L * store.current().timing().targetDurationSeconds());
    }

    public long streamKeyId() {
        return streamKeyId;
    }

    /** {@link MediaNames#MULTIVARIANT}. */
    public String multivariantPlaylist() {
        return HlsMultivariantPlaylist.render(store.current());
    }

    /**
     * {@link MediaNames#MEDIA_PLAYLIST}, honouring the LL-HLS directives: with {@code _HLS_msn} (and
     * {@code _HLS_part}) the answer waits until that segment (part) exists.
     */
    public CompletableFuture<PlaylistAnswer> mediaPlaylist(PlaylistRequest request) {
        Snapshot now = store.current();
        if (request.part() != null && request.msn() == null) {
            return answer(new PlaylistAnswer.BadRequest("_HLS_part without _HLS_msn"));
        }
        if (request.msn() == null || now.ended()) {
            return answer(new PlaylistAnswer.Playlist(HlsMediaPlaylist.render(now, request.skip())));
        }
        long msn = request.msn();
        if (msn > now.nextMsn() + 1) {
            return answer(new PlaylistAnswer.BadRequest("_HLS_msn is more than two segments ahead"));
        }
        int part = request.part() == null ? -1 : request.part();
        int partsNow = now.pending() == null ? 0 : now.pending().parts().size();
        if (msn == now.nextMsn() && part >= partsNow + ADVANCE_PART_LIMIT) {
            return answer(new PlaylistAnswer.BadRequest("_HLS_part is too far ahead"));
        }
        Predicate<Snapshot> ready = part < 0 ? s -> s.hasSegment(msn) : s -> s.hasPart(msn, part);
        return store.await(ready, blockingTimeout).handle((s, timedOut) -> s == null
                ? new PlaylistAnswer.Unavailable()
                : new PlaylistAnswer.Playlist(HlsMediaPlaylist.render(s, request.skip())));
    }

    /**
     * {@link MediaNames#MPD}.
     *
     * @param utcTimingUrl the origin's clock ({@code /live/time}, absolute or relative to the MPD)
     */
    public String mpd(String utcTimingUrl) {
        return DashManifest.render(store.current(), utcTimingUrl);
    }

    /** {@code init-{period}.mp4}, while a listed segment or the current publish uses it. */
    public Optional<byte[]> init(int period) {
        return store.init(period);
    }

    /** {@code seg-{msn}.m4s}, a complete segment in the live window. */
    public Optional<byte[]> segment(long msn) {
        return store.segment(msn);
    }

    /**
     * Part {@code index} of segment {@code msn}, waiting while that segment is still being filled: lets the
     * origin serve a segment before it is complete (DASH availabilityTimeOffset, chunked transfer) by writing
     * parts 0, 1, … until this answers empty (the segment ended, or its parts already left memory: then
     * {@link #segment} has it).
     */
    public CompletableFuture<Optional<byte[]>> segmentPart(long msn, int index) {
        Snapshot now = store.current();
        if (msn > now.nextMsn() + 1) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.await(s -> s.hasPart(msn, index), blockingTimeout).handle((s, timedOut) -> s == null
                ? Optional.empty()
                : partOf(s, msn, index).flatMap(p -> store.part(p.sequence())));
    }

    /**
     * {@code part-{sequence}.m4s}. The part named by the playlist's PRELOAD-HINT does not exist yet: the answer
     * waits for it (RFC 8216bis: hinted resources are requested ahead and served when ready).
     */
    public CompletableFuture<Optional<byte[]>> part(long sequence) {
        Snapshot now = store.current();
        if (sequence > now.nextPartSequence()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.await(s -> s.nextPartSequence() > sequence, blockingTimeout).handle((s, timedOut) -> s == null
                ? Optional.empty()
                : store.part(sequence));
    }

    /**
     * Blocks until part {@code part} of segment {@code msn} is in the playlist (or the stream ended).
     *
     * @return false if it did not appear within {@code timeout}
     */
    public boolean awaitPart(long msn, int part, Duration timeout) throws InterruptedException {
        try {
            store.await(s -> s.hasPart(msn, part), timeout).get();
            return true;
        } catch (ExecutionException e) {
            return false; // timed out
        }
    }

    /**
     * How long segment {@code msn} plays, while the live window lists it; what usage metering charges a viewer
     * for it.
     */
    public OptionalLong segmentMillis(long msn) {
        return store.current().segments().stream().filter(seg -> seg.msn() == msn)
                .mapToLong(Segment::duration).findFirst();
    }

    /** Where part {@code sequence} ({@code part-{sequence}.m4s}) sits and how long it plays, while it is listed. */
    public Optional<PartTime> partTime(long sequence) {
        return listed(store.current()).flatMap(seg -> seg.parts().stream()).filter(p -> p.sequence() == sequence)
                .findFirst().map(p -> new PartTime(p.msn(), p.index(), p.duration()));
    }

    /** A part's place in its segment and its duration in milliseconds. */
    public record PartTime(long msn, int index, long millis) {
    }

    /** The broadcast ended: the playlists carry EXT-X-ENDLIST and the MPD is static. */
    public boolean ended() {
        return store.current().ended();
    }

    /**
     * Where every segment of this live stream is kept for the archive, with its own append-only playlist
     * {@link MediaNames#RECORDING_PLAYLIST} (ended once the broadcast ended).
     */
    public Path recordingDirectory() {
        return store.recording().dir();
    }

    SegmentStore store() {
        return store;
    }

    private static Optional<Part> partOf(Snapshot s, long msn, int index) {
        return listed(s).filter(seg -> seg.msn() == msn).findFirst()
                .filter(seg -> index < seg.parts().size()).map(seg -> seg.parts().get(index));
    }

    /** The complete segments of the window and the one being filled. */
    private static Stream<Segment> listed(Snapshot s) {
        return s.pending() == null ? s.segments().stream() : Stream.concat(s.segments().stream(), Stream.of(s.pending()));
    }

    private static <T> CompletableFuture<T> answer(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
