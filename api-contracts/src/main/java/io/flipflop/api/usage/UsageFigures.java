package io.flipflop.api.usage;

/**
 * Usage over a period (the totals of a {@link UsageReport}).
 *
 * @param ingestSeconds          publishing time of the app's stream keys
 * @param deliveredViewerSeconds media time delivered to viewers
 * @param deliveredBytes         bytes the playback origin sent
 * @param storageBytes           bytes stored at the end of the period (a gauge)
 * @param peakConcurrentViewers  the most viewer sessions open at once
 */
public record UsageFigures(double ingestSeconds, double deliveredViewerSeconds, long deliveredBytes,
                           long storageBytes, int peakConcurrentViewers) {
}
