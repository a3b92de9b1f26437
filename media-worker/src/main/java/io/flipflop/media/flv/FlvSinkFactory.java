package io.flipflop.media.flv;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.PublishedStream;

/**
 * Adds an FLV output (HTTP-FLV, RTMP play) beside the packaging of every publish whose mode asks for RTMP output ({@code RTMP} or
 * {@code RTMP_CMAF}, reference §16). The packaging (CMAF) runs in every mode: the stream key's lifecycle follows
 * it, and the HLS/DASH play URLs are always served. Wired around the packager by the ingest's configuration.
 */
public class FlvSinkFactory implements MediaSinkFactory {

    private final MediaSinkFactory packaging;
    private final FlvStreams flv;

    public FlvSinkFactory(MediaSinkFactory packaging, FlvStreams flv) {
        this.packaging = packaging;
        this.flv = flv;
    }

    @Override
    public MediaSink open(PublishedStream stream, PublishListener listener) {
        MediaSink packaged = packaging.open(stream, listener);
        if (stream.mode() == OutputMode.CMAF) {
            return packaged;
        }
        FlvFanout output = flv.start(stream.streamKeyId());
        return new MediaSink() {
            @Override
            public void accept(FlvTag tag) {
                packaged.accept(tag);
                output.accept(tag);
            }

            @Override
            public void close() {
                flv.end(stream.streamKeyId(), output);
                packaged.close();
            }
        };
    }
}
