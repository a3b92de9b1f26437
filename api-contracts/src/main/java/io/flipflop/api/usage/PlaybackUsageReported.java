package io.flipflop.api.usage;

import java.time.Instant;
import java.util.List;

/**
 * What one media worker's playback origin delivered for one app during one report window
 * [{@code windowStart}, {@code windowEnd}). Windows are aligned to the epoch and divide an hour, so a report
 * never straddles an hour bucket.
 *
 * @param peakConcurrentViewers the most viewer sessions of the app open at once on this worker in the window
 * @param rooms                 the window's figures per room
 */
public record PlaybackUsageReported(long appId, String workerId, Instant windowStart, Instant windowEnd,
                                    int peakConcurrentViewers, List<RoomPlayback> rooms) implements UsageEvent {

    public PlaybackUsageReported {
        rooms = List.copyOf(rooms);
    }
}
