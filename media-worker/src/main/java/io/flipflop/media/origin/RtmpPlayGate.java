package io.flipflop.media.origin;

import io.flipflop.media.flv.FlvStreams;
import io.flipflop.media.ingest.RtmpPlayback;
import io.flipflop.media.usage.Delivery;
import io.flipflop.media.usage.PlaybackMeter;
import io.flipflop.platform.error.ApiException;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * RTMP play (reference §16, mode RTMP or RTMP_CMAF) behind the same {@link PlaybackGate} as {@code /live}: the
 * FLV output HTTP-FLV serves, metered as bytes like HTTP-FLV (the tag bodies sent; RTMP has no segments to time).
 * A room the gate refuses, or whose publish has no FLV output, is StreamNotFound; an invalid token Play.Failed.
 */
@Component
class RtmpPlayGate implements RtmpPlayback {

    private final PlaybackGate gate;
    private final PlaybackMeter meter;
    private final FlvStreams flv;

    RtmpPlayGate(PlaybackGate gate, PlaybackMeter meter, FlvStreams flv) {
        this.gate = gate;
        this.meter = meter;
        this.flv = flv;
    }

    @Override
    public CompletableFuture<Answer> admit(String videoRoomId, String streamingToken, String clientAddress,
                                           String agent) {
        return gate.admit(videoRoomId, streamingToken)
                .flatMap(playback -> Mono.justOrEmpty(flv.watchTags(playback.stream().streamKeyId()))
                        .<Answer>map(tags -> new Admitted(meter.metered(tags, tag -> tag.body().length,
                                playback.room().appId(), playback.room().videoRoomId(),
                                meter.viewer(playback.viewer(), streamingToken, clientAddress, agent),
                                Delivery::bytesOnly))))
                .switchIfEmpty(Mono.fromSupplier(() -> new Refused(STREAM_NOT_FOUND, "no RTMP output")))
                .onErrorResume(ApiException.class, refused -> Mono.just(refused.status() == HttpStatus.UNAUTHORIZED
                        ? new Refused(PLAY_FAILED, "invalid streaming token")
                        : new Refused(STREAM_NOT_FOUND, "not live or not admitted")))
                .onErrorResume(failure -> Mono.just(new Refused(PLAY_FAILED, failure.toString())))
                .toFuture();
    }
}
