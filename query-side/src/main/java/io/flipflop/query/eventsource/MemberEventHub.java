package io.flipflop.query.eventsource;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands signals to the members connected to this JVM's event source: one multicast channel per connected member,
 * created by its first connection and dropped with its last.
 *
 * <p>A slow connection must not hold up the others, nor grow without bound: the channel never waits for anyone
 * (best effort), and each connection buffers up to {@value #BUFFER} signals of its own. A connection that falls
 * further behind is ended with an error; its client reconnects (as an {@code EventSource} does by itself) and
 * reads current state through the API.
 */
@Component
public class MemberEventHub {

    static final int BUFFER = 256;

    private final ConcurrentMap<MemberAddress, Channel> channels = new ConcurrentHashMap<>();

    /** The member's signals from now on, until the subscriber cancels. */
    public Flux<MemberSignal> subscribe(MemberAddress member) {
        return Flux.defer(() -> {
            Channel channel = channels.compute(member, (address, existing) ->
                    (existing == null ? new Channel() : existing).join());
            return channel.sink.asFlux()
                    .onBackpressureBuffer(BUFFER, BufferOverflowStrategy.ERROR)
                    .doFinally(signal -> channels.computeIfPresent(member, (address, joined) ->
                            joined.leave() ? null : joined));
        });
    }

    /** Delivers to the member's connections here, if any; nobody connected means nothing to do. */
    public void publish(MemberAddress member, MemberSignal signal) {
        Channel channel = channels.get(member);
        if (channel != null) {
            channel.emit(signal);
        }
    }

    /** A sink and its connection count; the count changes only inside the map's atomic compute calls. */
    private static final class Channel {

        private final Sinks.Many<MemberSignal> sink = Sinks.many().multicast().directBestEffort();
        private int connections;

        Channel join() {
            connections++;
            return this;
        }

        /** Whether that was the last connection. */
        boolean leave() {
            return --connections == 0;
        }

        /** Serialised: a sink takes one emitter at a time, whatever thread publishes. */
        synchronized void emit(MemberSignal signal) {
            sink.tryEmitNext(signal);
        }
    }
}
