package io.flipflop.media.flv;

import io.flipflop.media.stream.FlvTag;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The FLV outputs of this worker, by stream key id: one per running publish whose mode asks for RTMP output (RTMP
 * or RTMP_CMAF), played as HTTP-FLV and by RTMP play. A publish's output ends with the publish: FLV has no
 * discontinuity, so a player of a publisher that dropped and came back opens the stream again (as it does after
 * any HTTP-FLV or RTMP stream ends).
 */
@Component
public class FlvStreams {

    private final Map<Long, FlvFanout> outputs = new ConcurrentHashMap<>();

    /** The stream key's current publish as an HTTP-FLV body; empty when it has none (not publishing, or mode CMAF). */
    public Optional<Flux<byte[]>> watchFlv(long streamKeyId) {
        return Optional.ofNullable(outputs.get(streamKeyId)).map(FlvFanout::watchFlv);
    }

    /** The same as tags, for RTMP play: configurations, the last GOP, then live tags; empty as for HTTP-FLV. */
    public Optional<Flux<FlvTag>> watchTags(long streamKeyId) {
        return Optional.ofNullable(outputs.get(streamKeyId)).map(output -> output.watch().map(FlvFanout.Shared::tag));
    }

    /** A publish starts: it replaces (and ends) whatever the key's previous publish left. */
    FlvFanout start(long streamKeyId) {
        FlvFanout output = new FlvFanout();
        FlvFanout previous = outputs.put(streamKeyId, output);
        if (previous != null) {
            previous.end();
        }
        return output;
    }

    /** The publish ended: its viewers' streams end. A newer publish of the key is left alone. */
    void end(long streamKeyId, FlvFanout output) {
        outputs.remove(streamKeyId, output);
        output.end();
    }
}
