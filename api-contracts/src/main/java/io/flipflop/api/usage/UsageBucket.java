package io.flipflop.api.usage;

import java.time.Instant;

/** One hour or one UTC day of a {@link UsageReport}, starting at {@code start}; fields as {@link UsageFigures}. */
public record UsageBucket(Instant start, double ingestSeconds, double deliveredViewerSeconds, long deliveredBytes,
                          long storageBytes, int peakConcurrentViewers) {
}
