package io.flipflop.query.webhook;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait after a failed attempt: exponential ({@code initial × 2^(failures-1)}, capped at {@code max}),
 * with jitter that keeps between half and all of it, so the deliveries that failed together in an outage of the
 * receiver do not all come back in the same instant.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** {@code random} gives values in [0, 1). */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration after(int failures) {
        long ceiling = max.toMillis();
        long delay = initial.toMillis();
        for (int i = 1; i < failures && delay < ceiling; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, ceiling);
        return Duration.ofMillis(delay / 2 + (long) (random.getAsDouble() * (delay - delay / 2)));
    }
}
