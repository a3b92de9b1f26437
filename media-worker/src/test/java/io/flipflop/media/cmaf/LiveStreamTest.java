package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The origin's view of a live stream: blocking reload, preload hints and delta updates, over synthetic parts. */
class LiveStreamTest {

    private static final long PART_MS = 500;
    private static final int PARTS_PER_SEGMENT = 4;

    @TempDir
    Path dir;
    private LiveStream live;
    private SegmentStore.Publish publish;
    private long parts;

    @BeforeEach
    void start() {
        live = new LiveStreams(new CmafSettings(null, null, null, 0, dir)).continueOrStart(1);
        publish = live.store().publish(new byte[0]);
    }

    @Test
    void aBlockingReloadIsAnsweredAsSoonAsTheAwaitedPartLands() throws Exception {
        appendParts(5); // segment 0 complete, segment 1 has part 0
        CompletableFuture<PlaylistAnswer> answer = live.mediaPlaylist(new PlaylistRequest(1L, 1, false));
        AtomicLong answeredAt = new AtomicLong();
        answer.thenRun(() -> answeredAt.set(System.nanoTime()));
        assertThat(answer).isNotDone();

        long appendedAt = appendLater(Duration.ofMillis(300));

        PlaylistAnswer playlist = answer.get(5, TimeUnit.SECONDS);
        assertThat(playlist).isInstanceOf(PlaylistAnswer.Playlist.class);
        assertThat(((PlaylistAnswer.Playlist) playlist).text()).contains("URI=\"part-5.m4s\"");
        assertThat(answeredAt.get()).isGreaterThanOrEqualTo(appendedAt);
        assertThat(Duration.ofNanos(answeredAt.get() - appendedAt)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void awaitPartBlocksUntilThePartExists() throws Exception {
        appendParts(1);
        Thread appender = new Thread(() -> appendLaterQuietly(Duration.ofMillis(200)));
        appender.start();

        long started = System.nanoTime();
        assertThat(live.awaitPart(0, 1, Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        appender.join();
    }

    @Test
    void theHintedPartIsServedWhenItLands() throws Exception {
        appendParts(2);
        CompletableFuture<Optional<byte[]>> hinted = live.part(2);
        assertThat(hinted).isNotDone();

        appendParts(1);

        assertThat(hinted.get(5, TimeUnit.SECONDS)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(3));
    }

    @Test
    void aSegmentCanBeStreamedPartByPartWhileItIsFilled() throws Exception {
        appendParts(1);
        assertThat(live.segmentPart(0, 0).get(1, TimeUnit.SECONDS)).isPresent();
        CompletableFuture<Optional<byte[]>> second = live.segmentPart(0, 1);
        assertThat(second).isNotDone();

        appendParts(PARTS_PER_SEGMENT - 1);

        assertThat(second.get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(live.segmentPart(0, PARTS_PER_SEGMENT).get(1, TimeUnit.SECONDS)).isEmpty();
        assertThat(live.segment(0)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(3 * PARTS_PER_SEGMENT));
    }

    @Test
    void directivesTooFarAheadOrMalformedAreBadRequests() throws Exception {
        appendParts(5);
        assertThat(live.mediaPlaylist(new PlaylistRequest(3L, null, false)).get()).isInstanceOf(PlaylistAnswer.BadRequest.class);
        assertThat(live.mediaPlaylist(new PlaylistRequest(1L, 4, false)).get()).isInstanceOf(PlaylistAnswer.BadRequest.class);
        assertThat(live.mediaPlaylist(new PlaylistRequest(null, 1, false)).get()).isInstanceOf(PlaylistAnswer.BadRequest.class);
        assertThat(live.mediaPlaylist(new PlaylistRequest(0L, 9, false)).get()).isInstanceOf(PlaylistAnswer.Playlist.class);
    }

    @Test
    void aPartThatNeverComesIsUnavailableAfterThreeTargetDurations() throws Exception {
        CmafSettings quick = new CmafSettings(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), 0, dir);
        LiveStream stalled = new LiveStreams(quick).continueOrStart(2);
        stalled.store().publish(new byte[0]);

        long started = System.nanoTime();
        PlaylistAnswer answer = stalled.mediaPlaylist(new PlaylistRequest(0L, 0, false)).get(10, TimeUnit.SECONDS);

        assertThat(answer).isInstanceOf(PlaylistAnswer.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anEndedStreamAnswersWaitingRequestsAtOnceWithTheEndedPlaylist() throws Exception {
        appendParts(4);
        CompletableFuture<PlaylistAnswer> waiting = live.mediaPlaylist(new PlaylistRequest(1L, 2, false));

        live.store().end();

        PlaylistAnswer answer = waiting.get(1, TimeUnit.SECONDS);
        assertThat(((PlaylistAnswer.Playlist) answer).text()).endsWith("#EXT-X-ENDLIST\n").doesNotContain("PRELOAD-HINT");
    }

    @Test
    void aDeltaUpdateSkipsTheSegmentsOlderThanCanSkipUntil() throws Exception {
        appendParts(20 * PARTS_PER_SEGMENT + 1);

        String full = ((PlaylistAnswer.Playlist) live.mediaPlaylist(PlaylistRequest.PLAIN).get()).text();
        String delta = ((PlaylistAnswer.Playlist) live.mediaPlaylist(PlaylistRequest.parse(null, null, "YES")).get()).text();

        assertThat(full).doesNotContain("EXT-X-SKIP").contains("#EXT-X-MEDIA-SEQUENCE:4\n");
        // Window: segments 4..19 (8 s to 40 s) and a part to 40.5 s; those starting at least 24 s before the end
        // (at 16.5 s or earlier: 4 to 8) are skipped.
        assertThat(delta).contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=5\n", "seg-9.m4s").doesNotContain("seg-8.m4s");
        assertThat(LlHlsRules.violations(full)).isEmpty();
        assertThat(LlHlsRules.violations(delta)).isEmpty();
    }

    /** Appends {@code count} parts of 500 ms; every fourth ends its segment. */
    private void appendParts(int count) {
        for (int i = 0; i < count; i++, parts++) {
            int index = (int) (parts % PARTS_PER_SEGMENT);
            publish.append(new Segmenter.ClosedPart(parts * PART_MS, PART_MS, index == 0, index == 0,
                    index == PARTS_PER_SEGMENT - 1, false), new byte[]{1, 2, 3});
        }
    }

    /** Appends one part from another thread after {@code delay}; returns when it was appended (nanoTime). */
    private long appendLater(Duration delay) throws InterruptedException {
        Thread appender = new Thread(() -> appendLaterQuietly(delay));
        appender.start();
        appender.join();
        return lastAppend;
    }

    private volatile long lastAppend;

    private void appendLaterQuietly(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        lastAppend = System.nanoTime();
        appendParts(1);
    }
}
