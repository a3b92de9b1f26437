package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.PublishedStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher sending in real time: how long after a part's last sample arrives is the part in the playlist
 * (which is when a blocking reload for it is answered)? Printed for the record; asserted only for sanity.
 */
class PartLatencyTest {

    @TempDir
    Path dir;

    @Test
    void aPartIsListedShortlyAfterItsLastSampleArrives() throws Exception {
        List<FlvTag> tags = TestMedia.readFlv(TestMedia.makeFlv(dir, 4));
        AvioCallbacks callbacks = new AvioCallbacks();
        CmafSettings settings = new CmafSettings(null, null, null, 0, dir.resolve("data"));
        LiveStreams streams = new LiveStreams(settings);
        CmafSinkFactory factory = new CmafSinkFactory(streams, callbacks, settings);
        ConcurrentSkipListMap<Long, Long> arrivals = new ConcurrentSkipListMap<>(); // media ms → nanoTime
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        try (MediaSink sink = factory.open(new PublishedStream(1, 1, 1, "w", OutputMode.CMAF), () -> { })) {
            LiveStream live = streams.find(1).orElseThrow();
            watch(live, 0, arrivals, latencies);
            long start = System.nanoTime();
            for (FlvTag tag : tags) {
                long due = start + tag.timestamp() * 1_000_000;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (tag.type() == FlvTag.VIDEO) {
                    arrivals.put(tag.timestamp(), System.nanoTime());
                }
                sink.accept(tag);
            }
        }
        callbacks.destroy();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("part listed after its last video sample arrived: p50 %d ms, max %d ms (%d parts)%n",
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
        assertThat(sorted).hasSizeGreaterThan(5);
        assertThat(Duration.ofMillis(sorted.get(sorted.size() / 2))).isLessThan(Duration.ofSeconds(2));
    }

    /** On every new part (on the packaging thread): now minus the arrival of the part's last video sample. */
    private static void watch(LiveStream live, long sequence, ConcurrentSkipListMap<Long, Long> arrivals,
                              List<Long> latencies) {
        live.store().await(s -> s.nextPartSequence() > sequence, Duration.ofMinutes(1)).thenAccept(s -> {
            long now = System.nanoTime();
            Segment last = s.pending() != null ? s.pending() : s.segments().get(s.segments().size() - 1);
            Part part = last.parts().get(last.parts().size() - 1);
            var lastSample = arrivals.lowerEntry(part.start() + part.duration());
            if (lastSample != null && part.start() > 0) {
                latencies.add((now - lastSample.getValue()) / 1_000_000);
            }
            if (!s.ended()) {
                watch(live, s.nextPartSequence(), arrivals, latencies);
            }
        });
    }
}
