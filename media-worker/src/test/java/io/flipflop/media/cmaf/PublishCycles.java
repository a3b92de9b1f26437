package io.flipflop.media.cmaf;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.PublishedStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.Pointer;

/**
 * Publishes the same FLV over and over and reports resident memory and threads before and after. Run by
 * {@link RepeatedPublishTest} in its own JVM with a fixed, pre-touched heap, so that resident memory moves
 * only when native memory does.
 *
 * <p>Arguments: FLV file, data directory, warm-up publishes, measured publishes.
 */
final class PublishCycles {

    private PublishCycles() {
    }

    public static void main(String[] args) throws Exception {
        List<FlvTag> tags = TestMedia.readFlv(Path.of(args[0]));
        CmafSettings settings = new CmafSettings(null, null, null, 0, Path.of(args[1]));
        AvioCallbacks callbacks = new AvioCallbacks();
        LiveStreams streams = new LiveStreams(settings);
        CmafSinkFactory factory = new CmafSinkFactory(streams, callbacks, settings);
        AtomicInteger published = new AtomicInteger();
        int warmUp = Integer.parseInt(args[2]);
        int cycles = Integer.parseInt(args[3]);
        publish(factory, streams, tags, 0, warmUp, published);
        report("before", published);
        publish(factory, streams, tags, warmUp, cycles, published);
        report("after", published);
        callbacks.destroy();
    }

    private static void publish(CmafSinkFactory factory, LiveStreams streams, List<FlvTag> tags, int first, int count,
                                AtomicInteger published) {
        for (int key = first; key < first + count; key++) {
            try (MediaSink sink = factory.open(new PublishedStream(key, 1, 1, "w", OutputMode.CMAF), published::incrementAndGet)) {
                tags.forEach(sink::accept);
            }
            streams.end(key);
        }
    }

    private static void report(String when, AtomicInteger published) throws InterruptedException {
        System.gc();
        Thread.sleep(1000);
        System.out.printf("%s %d %d %d%n", when, Pointer.physicalBytes(),
                ManagementFactory.getThreadMXBean().getThreadCount(), published.get());
    }
}
