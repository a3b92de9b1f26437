package io.flipflop.api.usage;

import java.time.Instant;
import java.util.List;

/**
 * An app's usage between {@code from} and {@code to}, per {@code granularity} ("hour" or "day"). Buckets are
 * ordered by start and empty ones are left out; {@code totals.storageBytes} is the newest gauge value and
 * {@code totals.peakConcurrentViewers} the highest peak.
 */
public record UsageReport(long appId, Instant from, Instant to, String granularity, List<UsageBucket> buckets,
                          UsageFigures totals) {

    public UsageReport {
        buckets = List.copyOf(buckets);
    }
}
