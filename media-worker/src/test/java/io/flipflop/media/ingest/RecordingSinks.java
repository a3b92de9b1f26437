package io.flipflop.media.ingest;

import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.PublishedStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A packager stand-in: keeps every tag, and reports the stream playable at its first video keyframe, as the CMAF
 * packager will once its first segment is cut. {@link #stall()} makes every sink block in accept, like a
 * packager that fell behind.
 */
final class RecordingSinks implements MediaSinkFactory {

    final Map<Long, Sink> byStreamKey = new ConcurrentHashMap<>();
    private volatile CountDownLatch stalled = new CountDownLatch(0);

    final class Sink implements MediaSink {
        final PublishedStream stream;
        final List<FlvTag> tags = new CopyOnWriteArrayList<>();
        private final PublishListener listener;
        private boolean published;
        volatile boolean closed;

        Sink(PublishedStream stream, PublishListener listener) {
            this.stream = stream;
            this.listener = listener;
        }

        @Override
        public void accept(FlvTag tag) {
            try {
                stalled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tags.add(tag);
            boolean keyframe = tag.type() == FlvTag.VIDEO && tag.body().length > 0 && (tag.body()[0] & 0xF0) == 0x10;
            if (keyframe && !published) {
                published = true;
                listener.published();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    void stall() {
        stalled = new CountDownLatch(1);
    }

    void resume() {
        stalled.countDown();
    }

    @Override
    public MediaSink open(PublishedStream stream, PublishListener listener) {
        Sink sink = new Sink(stream, listener);
        byStreamKey.put(stream.streamKeyId(), sink);
        return sink;
    }
}
