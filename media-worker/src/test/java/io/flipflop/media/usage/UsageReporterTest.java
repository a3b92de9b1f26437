package io.flipflop.media.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.usage.PlaybackUsageReported;
import io.flipflop.api.usage.StorageMeasured;
import io.flipflop.media.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.SimpleEventBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReporterTest {

    private static final Duration WINDOW = Duration.ofSeconds(5);

    @TempDir
    Path media;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final ViewerSessions sessions = new ViewerSessions(clock, Duration.ofSeconds(8), WINDOW, "worker-1");
    private final List<Object> published = new ArrayList<>();
    private int failuresLeft;
    private UsageReporter reporter;

    @BeforeEach
    void aReporterOnABus() throws Exception {
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.registerDispatchInterceptor(messages -> {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("event store unreachable");
            }
            return (index, message) -> message;
        });
        bus.subscribe(events -> events.forEach(event -> published.add(event.getPayload())));
        Path live = media.resolve("live");
        Files.createDirectories(live.resolve("7/1"));
        Files.write(live.resolve("7/1/seg-0.m4s"), new byte[100]);
        StorageMeter storage = new StorageMeter(List.of(new StorageMeter.Root(live, key -> OptionalLong.of(1))),
                media.resolve("volume-id"), clock, "worker-1");
        reporter = new UsageReporter(sessions, storage, bus, new UsageSettings(WINDOW, null, Duration.ofMinutes(1)));
    }

    @Test
    void reportsTheBusCouldNotTakeAreTriedAgainInOrder() {
        sessions.delivered(1, 10, "alice", Delivery.segment(100, 0, 2000));
        clock.advance(WINDOW);
        failuresLeft = 1;

        reporter.reportPlayback();
        assertThat(published).isEmpty();
        reporter.measureStorage();

        assertThat(published).hasExactlyElementsOfTypes(PlaybackUsageReported.class, StorageMeasured.class);
    }

    @Test
    void stoppingPublishesTheWindowSoFar() {
        reporter.start();
        sessions.delivered(1, 10, "alice", Delivery.segment(100, 0, 2000));

        reporter.stop();

        assertThat(published).filteredOn(PlaybackUsageReported.class::isInstance).singleElement()
                .satisfies(report -> assertThat(((PlaybackUsageReported) report).rooms().get(0).deliveredMillis())
                        .isEqualTo(2000));
        assertThat(reporter.isRunning()).isFalse();
    }
}
