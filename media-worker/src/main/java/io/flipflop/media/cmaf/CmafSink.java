package io.flipflop.media.cmaf;

import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory.PublishListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publish being packaged: tags go through a {@link BytePipe} to this sink's own packaging thread, which
 * runs the {@link Remuxer} and appends its parts to the live stream's {@link SegmentStore}. A malformed tag is
 * dropped; an FFmpeg error ends this publish's packaging with a log line and the publisher's later tags are
 * dropped; neither affects other streams.
 */
final class CmafSink implements MediaSink {

    private static final Logger log = LoggerFactory.getLogger(CmafSink.class);
    /** About 20 s of a 6 Mbit/s stream: only reached if packaging stalls. */
    private static final long PIPE_CAPACITY = 16L * 1024 * 1024;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final long streamKeyId;
    private final LiveStream live;
    private final PublishListener listener;
    private final BytePipe pipe = new BytePipe(PIPE_CAPACITY);
    private final Remuxer remuxer;
    private final Thread thread;
    private boolean headerWritten;
    private long dropped;
    private SegmentStore.Publish publish;
    private boolean published;

    CmafSink(long streamKeyId, LiveStream live, AvioCallbacks callbacks, CmafSettings settings, PublishListener listener) {
        this.streamKeyId = streamKeyId;
        this.live = live;
        this.listener = listener;
        this.remuxer = new Remuxer(callbacks, pipe, settings, new Remuxer.Output() {
            @Override
            public void init(byte[] initSegment) {
                publish = live.store().publish(initSegment);
            }

            @Override
            public void part(Segmenter.ClosedPart part, byte[] fragment) {
                publish.append(part, fragment);
                if (!published && publish.hasSegment()) {
                    published = true;
                    announce();
                }
            }
        });
        this.thread = new Thread(this::packageStream, "cmaf-" + streamKeyId);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(FlvTag tag) {
        if (!FlvWriter.accepts(tag)) {
            if (dropped++ == 0) {
                log.warn("Dropping malformed tags of stream key {} (type {}, {} bytes)", streamKeyId, tag.type(),
                        tag.body() == null ? -1 : tag.body().length);
            }
            return;
        }
        try {
            if (!headerWritten) {
                headerWritten = true;
                pipe.write(FlvWriter.header());
            }
            pipe.write(FlvWriter.tag(tag));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pipe.end();
        try {
            thread.join(CLOSE_WAIT.toMillis());
            if (thread.isAlive()) {
                log.warn("Packaging of stream key {} did not finish within {}; abandoning it", streamKeyId, CLOSE_WAIT);
                pipe.abandon();
                thread.interrupt();
                thread.join(CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void packageStream() {
        try {
            remuxer.run();
        } catch (Remuxer.FfmpegException e) {
            log.warn("Packaging of stream key {} ended: {}", streamKeyId, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Packaging of stream key {} failed", streamKeyId, e);
        } finally {
            pipe.abandon();
        }
    }

    private void announce() {
        try {
            listener.published();
        } catch (RuntimeException e) {
            log.error("Publish listener of stream key {} failed", streamKeyId, e);
        }
    }
}
