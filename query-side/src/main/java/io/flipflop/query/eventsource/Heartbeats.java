package io.flipflop.query.eventsource;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** What every event source of ours sends besides its signals. */
final class Heartbeats {

    private Heartbeats() {
    }

    /**
     * The signals as events, with a comment line at once and then every {@code interval}: the first tells the
     * client it is subscribed (the response would otherwise wait for the first change to send its headers), the
     * rest keep proxies from closing an idle connection.
     */
    static <S> Flux<ServerSentEvent<S>> around(Flux<S> signals, Duration interval) {
        Flux<ServerSentEvent<S>> events = signals.map(signal -> ServerSentEvent.builder(signal).build());
        Flux<ServerSentEvent<S>> heartbeats = Flux.interval(Duration.ZERO, interval)
                .map(tick -> ServerSentEvent.<S>builder().comment("heartbeat").build());
        return Flux.merge(events, heartbeats);
    }
}
