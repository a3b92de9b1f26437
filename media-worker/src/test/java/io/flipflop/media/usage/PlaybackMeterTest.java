package io.flipflop.media.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.usage.PlaybackUsageReported;
import io.flipflop.api.usage.RoomPlayback;
import io.flipflop.media.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PlaybackMeterTest {

    private static final long APP = 1;
    private static final long ROOM = 10;
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final ViewerSessions sessions = new ViewerSessions(clock, Duration.ofSeconds(8), WINDOW, "worker-1");
    private final PlaybackMeter meter = new PlaybackMeter(sessions);

    @Test
    void anAnswerSentInFullCountsItsBytesAndItsMedia() {
        send(answer(100, 50), Long.MAX_VALUE);

        assertThat(room()).isEqualTo(new RoomPlayback(ROOM, 2000, 150, 1));
    }

    @Test
    void anAnswerCutShortCountsOnlyTheBytesSentAndOpensNoSession() {
        send(answer(100, 50), 1);

        assertThat(room()).isEqualTo(new RoomPlayback(ROOM, 0, 100, 0));
    }

    @Test
    void anErrorAnswerCountsNothing() {
        meter.metered(Mono.error(new IllegalStateException("404")), APP, ROOM, "alice",
                bytes -> Delivery.segment(bytes, 0, 2000)).onErrorComplete().block();

        clock.advance(WINDOW);
        assertThat(sessions.drain()).isEmpty();
    }

    private void send(Mono<ResponseEntity<Flux<DataBuffer>>> answer, long buffersTheClientTakes) {
        ResponseEntity<Flux<DataBuffer>> metered = meter.metered(answer, APP, ROOM, "alice",
                bytes -> Delivery.segment(bytes, 0, 2000)).block();
        metered.getBody().take(buffersTheClientTakes).blockLast();
    }

    private RoomPlayback room() {
        clock.advance(WINDOW);
        List<PlaybackUsageReported> reports = sessions.drain();
        assertThat(reports).hasSize(1);
        return reports.get(0).rooms().get(0);
    }

    private static Mono<ResponseEntity<Flux<DataBuffer>>> answer(int... sizes) {
        Flux<DataBuffer> body = Flux.fromStream(Arrays.stream(sizes).boxed())
                .map(size -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
        return Mono.just(ResponseEntity.ok().body(body));
    }
}
