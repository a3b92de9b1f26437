package io.flipflop.media.cmaf;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How live streams are cut and kept ({@code flipflop.cmaf.*}).
 *
 * @param partDuration       LL-HLS part target: a part never runs longer (PART-TARGET)
 * @param segmentDuration    a segment closes at the first keyframe at or after this
 * @param maxSegmentDuration a segment is cut even without a keyframe once it would run longer, so that
 *                           EXT-X-TARGETDURATION (this, rounded up) holds whatever GOP a publisher sends
 * @param windowSegments     segments listed in the live playlists; more than 6 target durations, so that
 *                           delta updates (CAN-SKIP-UNTIL = 6 × target) have something to skip
 * @param dataDir            the recordings live under {@code {dataDir}/media/live}, the archived VODs under
 *                           {@code {dataDir}/media/vod}
 */
@ConfigurationProperties("flipflop.cmaf")
public record CmafSettings(Duration partDuration, Duration segmentDuration, Duration maxSegmentDuration,
                           int windowSegments, Path dataDir) {

    public CmafSettings {
        partDuration = partDuration == null ? Duration.ofMillis(500) : partDuration;
        segmentDuration = segmentDuration == null ? Duration.ofSeconds(2) : segmentDuration;
        maxSegmentDuration = maxSegmentDuration == null ? segmentDuration.multipliedBy(2) : maxSegmentDuration;
        windowSegments = windowSegments <= 0 ? 16 : windowSegments;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        if (partDuration.compareTo(segmentDuration) > 0 || segmentDuration.compareTo(maxSegmentDuration) > 0) {
            throw new IllegalArgumentException("flipflop.cmaf: need part-duration <= segment-duration <= max-segment-duration");
        }
    }

    /** EXT-X-TARGETDURATION in whole seconds: no segment may round above it. */
    public int targetDurationSeconds() {
        return (int) Math.ceil(maxSegmentDuration.toMillis() / 1000.0);
    }

    public Path liveRoot() {
        return dataDir.resolve("media").resolve("live");
    }

    /** A room's VOD is the directory named by its id in here. */
    public Path vodRoot() {
        return dataDir.resolve("media").resolve("vod");
    }
}
