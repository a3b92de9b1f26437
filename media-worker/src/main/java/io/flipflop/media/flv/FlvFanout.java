package io.flipflop.media.flv;

import io.flipflop.media.cmaf.FlvWriter;
import io.flipflop.media.stream.FlvTag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One publish as HTTP-FLV: every viewer gets an FLV stream of its own that starts playable, with the file
 * header, the codec configurations (AVC/HEVC/AV1 sequence header, AAC AudioSpecificConfig) and the tags since
 * the last video keyframe (the GOP kept here), then every tag as it arrives. Tags are serialised once and shared.
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
    /** The tags since the last keyframe, serialised, and the time of the first. */
    private final List<byte[]> gop = new ArrayList<>();
    private long gopStart;
    private final List<Sinks.Many<byte[]>> viewers = new ArrayList<>();
    private boolean ended;

    synchronized void accept(FlvTag tag) {
        if (ended || tag.type() == FlvTag.SCRIPT_DATA || !FlvWriter.accepts(tag)) {
            return;
        }
        byte[] bytes = FlvWriter.tag(tag);
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
                gop.add(bytes);
            }
        }
        // a copy: a viewer's stream may end right here, and its end removes it from the list
        for (Sinks.Many<byte[]> viewer : List.copyOf(viewers)) {
            if (viewer.tryEmitNext(bytes).isFailure()) {
                viewers.remove(viewer);
                viewer.tryEmitError(new IllegalStateException("The HTTP-FLV viewer fell too far behind"));
            }
        }
    }

    /**
     * A viewer's stream: header, configurations and the GOP so far (the configurations stamped with the GOP's
     * first time, so the stream's clock never runs backwards), then live tags until the publish ends.
     */
    synchronized Flux<byte[]> watch() {
        if (ended) {
            return Flux.empty();
        }
        Sinks.Many<byte[]> viewer = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(VIEWER_QUEUE));
        long start = gop.isEmpty() ? 0 : gopStart;
        viewer.tryEmitNext(FlvWriter.header());
        for (FlvTag config : new FlvTag[]{videoConfig, audioConfig}) {
            if (config != null) {
                viewer.tryEmitNext(FlvWriter.tag(new FlvTag(config.type(), start, config.body())));
            }
        }
        gop.forEach(viewer::tryEmitNext);
        viewers.add(viewer);
        return viewer.asFlux().doFinally(signal -> forget(viewer));
    }

    /** The publisher left: every viewer's stream ends, and no one joins any more. */
    synchronized void end() {
        ended = true;
        List<Sinks.Many<byte[]>> all = List.copyOf(viewers);
        viewers.clear();
        clearGop();
        all.forEach(Sinks.Many::tryEmitComplete);
    }

    synchronized int viewerCount() {
        return viewers.size();
    }

    private synchronized void forget(Sinks.Many<byte[]> viewer) {
        viewers.remove(viewer);
    }

    private void clearGop() {
        gop.clear();
    }
}
