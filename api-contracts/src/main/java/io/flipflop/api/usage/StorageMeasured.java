package io.flipflop.api.usage;

import java.time.Instant;

/**
 * The bytes one storage volume holds for one app, measured on disk: a gauge, so the newest measurement of a
 * volume replaces the older ones. A volume is a media data directory (its id is kept inside it), not a worker
 * process, so a restarted worker goes on reporting the same volume.
 */
public record StorageMeasured(long appId, String workerId, String volumeId, long bytes, Instant measuredAt)
        implements UsageEvent {
}
