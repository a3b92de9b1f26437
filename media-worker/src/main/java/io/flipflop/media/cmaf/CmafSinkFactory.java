package io.flipflop.media.cmaf;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.PublishedStream;
import org.springframework.stereotype.Component;

/**
 * Packages each accepted publish into CMAF for the stream key's {@link LiveStream}, whatever its mode (the
 * HTTP-FLV output, {@code io.flipflop.media.flv}, is added beside it); the listener hears once, when the first
 * segment of this publish is complete.
 */
@Component
public class CmafSinkFactory implements MediaSinkFactory {

    private final LiveStreams liveStreams;
    private final AvioCallbacks callbacks;
    private final CmafSettings settings;

    CmafSinkFactory(LiveStreams liveStreams, AvioCallbacks callbacks, CmafSettings settings) {
        this.liveStreams = liveStreams;
        this.callbacks = callbacks;
        this.settings = settings;
        // FFmpeg writes to stderr; its warnings (e.g. an empty_moov output starting at a non-zero time) are
        // expected here, errors are not.
        av_log_set_level(AV_LOG_ERROR);
    }

    @Override
    public MediaSink open(PublishedStream stream, PublishListener listener) {
        LiveStream live = liveStreams.continueOrStart(stream.streamKeyId());
        return new CmafSink(stream.streamKeyId(), live, callbacks, settings, listener);
    }
}
