package io.flipflop.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void theWaitDoublesWithEveryFailure() {
        Backoff noJitter = new Backoff(INITIAL, MAX, () -> 0.999_999);

        assertThat(noJitter.after(1)).isCloseTo(Duration.ofSeconds(10), Duration.ofMillis(1));
        assertThat(noJitter.after(2)).isCloseTo(Duration.ofSeconds(20), Duration.ofMillis(1));
        assertThat(noJitter.after(5)).isCloseTo(Duration.ofSeconds(160), Duration.ofMillis(1));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        Backoff noJitter = new Backoff(INITIAL, MAX, () -> 0.999_999);

        assertThat(noJitter.after(12)).isCloseTo(MAX, Duration.ofMillis(4));
        assertThat(noJitter.after(10_000)).isCloseTo(MAX, Duration.ofMillis(4));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheWait() {
        Backoff mostJitter = new Backoff(INITIAL, MAX, () -> 0.0);

        assertThat(mostJitter.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(mostJitter.after(3)).isEqualTo(Duration.ofSeconds(20));
    }
}
