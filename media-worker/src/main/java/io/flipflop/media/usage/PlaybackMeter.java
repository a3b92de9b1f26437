package io.flipflop.media.usage;

import io.flipflop.platform.access.Viewer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * What the playback origin tells usage metering: who a request is from and what it was answered. Only memory is
 * touched (a hash and a short lock), so it runs on event-loop threads.
 */
public final class PlaybackMeter {

    private final ViewerSessions sessions;
    private final ViewerIdentity identity = new ViewerIdentity();

    PlaybackMeter(ViewerSessions sessions) {
        this.sessions = sessions;
    }

    /** The viewer a session is kept for; see {@link ViewerIdentity}. */
    public String viewer(Viewer viewer, String streamingToken, ServerHttpRequest request) {
        return identity.of(viewer, streamingToken, request);
    }

    /** The viewer of a request that is not HTTP (RTMP play): its client address and agent. */
    public String viewer(Viewer viewer, String streamingToken, String clientAddress, String agent) {
        return identity.of(viewer, streamingToken, clientAddress, agent);
    }

    /**
     * The answer, told to the viewer sessions once its body has gone out: the bytes as sent, the media as
     * {@code delivery} says for them. An answer cut short (the player went away) counts its bytes only; an error
     * answer nothing.
     */
    public Mono<ResponseEntity<Flux<DataBuffer>>> metered(Mono<ResponseEntity<Flux<DataBuffer>>> answer, long appId,
                                                          long videoRoomId, String viewer,
                                                          LongFunction<Delivery> delivery) {
        return answer.map(entity -> {
            if (entity.getBody() == null) {
                return entity;
            }
            Flux<DataBuffer> body = metered(entity.getBody(), DataBuffer::readableByteCount, appId, videoRoomId, viewer,
                    delivery);
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders()).body(body);
        });
    }

    /**
     * A stream of items, told to the viewer sessions once it ends: the bytes {@code size} counts, the media as
     * {@code delivery} says for them; cut short or failed, its bytes only.
     */
    public <T> Flux<T> metered(Flux<T> items, ToIntFunction<T> size, long appId, long videoRoomId, String viewer,
                               LongFunction<Delivery> delivery) {
        AtomicLong bytes = new AtomicLong();
        return items.doOnNext(item -> bytes.addAndGet(size.applyAsInt(item)))
                .doFinally(signal -> sessions.delivered(appId, videoRoomId, viewer, signal == SignalType.ON_COMPLETE
                        ? delivery.apply(bytes.get()) : Delivery.bytesOnly(bytes.get())));
    }
}
