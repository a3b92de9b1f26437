package io.flipflop.media.flv;

import io.flipflop.media.cmaf.FlvWriter;
import io.flipflop.media.stream.FlvTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One publish as FLV tags for HTTP-FLV and RTMP play: every viewer gets a stream of its own that starts playable,
 * with the codec configurations (AVC/HEVC/AV1 sequence header, AAC AudioSpecificConfig) and the tags since the
 * last video keyframe (the GOP kept here), then every tag as it arrives. Tags are serialised to FLV once and
 * shared ({@link Shared}): HTTP-FLV sends those bytes, RTMP play the tag.
 * <p>
 * The ingest thread calls {@link #accept}; viewers join from any thread. Each viewer has a bounded queue: a viewer
 * that falls that far behind is dropped (its response ends) rather than holding memory or slowing the others.
 * Script data (the publisher's {@code @setDataFrame}) is not passed on: players read the codecs from the
 * configurations.
 */
final class FlvFanout {

    /** About 10 s of 30 fps video with its audio: beyond that a viewer is too far behind to call it live. */
    static final int VIEWER_QUEUE = 1024;
    /**
     * A GOP longer than this many tags (about 6 s of 30 fps video with its audio) is kept only this far: a
     * publisher without keyframes must not grow memory, and a joining viewer's queue must hold the replay.
     */
    static final int MAX_GOP_TAGS = VIEWER_QUEUE / 2;

    private FlvTag videoConfig;
    private FlvTag audioConfig;
    /** The tags since the last keyframe, and the time of the first. */
    private final List<Shared> gop = new ArrayList<>();
    private long gopStart;
    private final List<Viewer> viewers = new ArrayList<>();
    private boolean ended;

    synchronized void accept(FlvTag tag) {
        if (ended || tag.type() == FlvTag.SCRIPT_DATA || !FlvWriter.accepts(tag)) {
            return;
        }
        Shared shared = new Shared(tag);
        if (tag.type() == FlvTag.VIDEO && FlvTags.isVideoConfig(tag.body())) {
            videoConfig = tag;
            clearGop();
        } else if (tag.type() == FlvTag.AUDIO && FlvTags.isAudioConfig(tag.body())) {
            audioConfig = tag;
        } else {
            if (tag.type() == FlvTag.VIDEO && FlvTags.isKeyframe(tag.body())) {
                clearGop();
            }
            if (gop.isEmpty()) {
                gopStart = tag.timestamp();
            }
            if (gop.size() < MAX_GOP_TAGS) {
                gop.add(shared);
            }
        }
        // a copy: a viewer's stream may end right here, and its end removes it from the list
        for (Viewer viewer : List.copyOf(viewers)) {
            if (viewer.sink().tryEmitNext(shared).isFailure()) {
                viewers.remove(viewer);
                viewer.drop();
            }
        }
    }

    /** A viewer's stream as an FLV file: the header, then the bytes of {@link #watch()}. */
    synchronized Flux<byte[]> watchFlv() {
        if (ended) {
            return Flux.empty();
        }
        Flux<Shared> tags = watch();
        return Flux.concat(Flux.just(FlvWriter.header()), tags.map(Shared::flv));
    }

    /**
     * A viewer's tags: configurations and the GOP so far (the configurations stamped with the GOP's first time,
     * so the stream's clock never runs backwards), then live tags until the publish ends. The viewer joins when
     * this is called, not when the answer is subscribed to.
     */
    synchronized Flux<Shared> watch() {
        if (ended) {
            return Flux.empty();
        }
        Queue<Shared> queue = new ArrayBlockingQueue<>(VIEWER_QUEUE);
        Viewer viewer = new Viewer(Sinks.many().unicast().onBackpressureBuffer(queue), queue);
        long start = gop.isEmpty() ? 0 : gopStart;
        for (FlvTag config : new FlvTag[]{videoConfig, audioConfig}) {
            if (config != null) {
                viewer.sink().tryEmitNext(new Shared(new FlvTag(config.type(), start, config.body())));
            }
        }
        gop.forEach(viewer.sink()::tryEmitNext);
        viewers.add(viewer);
        return viewer.sink().asFlux().doFinally(signal -> forget(viewer));
    }

    /** The publisher left: every viewer's stream ends, and no one joins any more. */
    synchronized void end() {
        ended = true;
        List<Viewer> all = List.copyOf(viewers);
        viewers.clear();
        clearGop();
        all.forEach(viewer -> viewer.sink().tryEmitComplete());
    }

    synchronized int viewerCount() {
        return viewers.size();
    }

    private synchronized void forget(Viewer viewer) {
        viewers.remove(viewer);
    }

    private void clearGop() {
        gop.clear();
    }

    /** A viewer's stream and the queue under it, which this fan-out bounds. */
    private record Viewer(Sinks.Many<Shared> sink, Queue<Shared> queue) {

        /**
         * Ends the stream with an error now: its stale tags go, else the error would wait behind them for a
         * viewer that is not reading (RTMP play requests nothing while its socket is full).
         */
        void drop() {
            queue.clear();
            sink.tryEmitError(new IllegalStateException("The FLV viewer fell too far behind"));
        }
    }

    /** A tag and its FLV serialisation, made once for every viewer. */
    record Shared(FlvTag tag, byte[] flv) {

        Shared(FlvTag tag) {
            this(tag, FlvWriter.tag(tag));
        }
    }
}
