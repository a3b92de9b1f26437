package io.flipflop.bench;

import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * When each video sample of a published stream reached the media worker (its packager's input), by stream
 * key and media time: what latency is measured from. Wraps the worker's sink factory as the platform starts.
 */
final class SampleArrivals implements BeanPostProcessor {

    private final Map<Long, NavigableMap<Long, Instant>> arrivals = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof MediaSinkFactory factory)) {
            return bean;
        }
        return (MediaSinkFactory) (stream, listener) -> {
            NavigableMap<Long, Instant> samples = new ConcurrentSkipListMap<>();
            arrivals.put(stream.streamKeyId(), samples);
            MediaSink sink = factory.open(stream, listener);
            return new MediaSink() {
                @Override
                public void accept(FlvTag tag) {
                    if (tag.type() == FlvTag.VIDEO) {
                        samples.putIfAbsent(tag.timestamp(), Instant.now());
                    }
                    sink.accept(tag);
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
        };
    }

    /** The arrival of the stream's last video sample before {@code mediaMillis}, or null. */
    Instant lastBefore(long streamKeyId, long mediaMillis) {
        NavigableMap<Long, Instant> samples = arrivals.get(streamKeyId);
        Map.Entry<Long, Instant> entry = samples == null ? null : samples.lowerEntry(mediaMillis);
        return entry == null ? null : entry.getValue();
    }

    /**
     * The publisher's clock at media time 0: the earliest any sample arrived less its media time. A publisher
     * pacing in real time sends each sample at its clock's start plus its media time, and on loopback a sample
     * arrives as it is sent, except those held up behind the connection's start, which only arrive later.
     */
    Instant publisherClockStart(long streamKeyId) {
        return arrivals.get(streamKeyId).entrySet().stream()
                .map(sample -> sample.getValue().minusMillis(sample.getKey()))
                .min(Instant::compareTo).orElseThrow();
    }
}
