package io.flipflop.query.eventsource;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands signals to the listeners connected to this JVM's event sources: one multicast channel per address (a
 * member, an app), created by its first connection and dropped with its last.
 *
 * <p>A slow connection must not hold up the others, nor grow without bound: the channel never waits for anyone
 * (best effort), and each connection buffers up to {@value #BUFFER} signals of its own. A connection that falls
 * further behind is ended with an error; its client reconnects (as an {@code EventSource} does by itself) and
 * reads current state through the API.
 *
 * @param <A> the address listeners subscribe to
 * @param <S> the signals
 */
public class SignalHub<A, S> {

    static final int BUFFER = 256;

    private final ConcurrentMap<A, Channel<S>> channels = new ConcurrentHashMap<>();

    /** The address's signals from now on, until the subscriber cancels. */
    public Flux<S> subscribe(A address) {
        return Flux.defer(() -> {
            Channel<S> channel = channels.compute(address, (key, existing) ->
                    (existing == null ? new Channel<S>() : existing).join());
            return channel.sink.asFlux()
                    .onBackpressureBuffer(BUFFER, BufferOverflowStrategy.ERROR)
                    .doFinally(signal -> channels.computeIfPresent(address, (key, joined) ->
                            joined.leave() ? null : joined));
        });
    }

    /** Delivers to the address's connections here, if any; nobody connected means nothing to do. */
    public void publish(A address, S signal) {
        Channel<S> channel = channels.get(address);
        if (channel != null) {
            channel.emit(signal);
        }
    }

    /** A sink and its connection count; the count changes only inside the map's atomic compute calls. */
    private static final class Channel<S> {

        private final Sinks.Many<S> sink = Sinks.many().multicast().directBestEffort();
        private int connections;

        Channel<S> join() {
            connections++;
            return this;
        }

        /** Whether that was the last connection. */
        boolean leave() {
            return --connections == 0;
        }

        /** Serialised: a sink takes one emitter at a time, whatever thread publishes. */
        synchronized void emit(S signal) {
            sink.tryEmitNext(signal);
        }
    }
}
