package io.flipflop.command.videopost;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of source uploads ({@code flipflop.video-posts.*}).
 *
 * @param maxSourceSize the largest source a client may declare (default 5 GB, the size the issue names)
 * @param maxParts      the most parts one upload may have (S3's limit, 10,000)
 * @param urlTtl        how long a part upload URL stays valid (default 24 hours)
 */
@ConfigurationProperties("flipflop.video-posts")
public record UploadSettings(DataSize maxSourceSize, Integer maxParts, Duration urlTtl) {

    public UploadSettings {
        maxSourceSize = maxSourceSize == null ? DataSize.ofGigabytes(5) : maxSourceSize;
        maxParts = maxParts == null ? 10_000 : maxParts;
        urlTtl = urlTtl == null ? Duration.ofHours(24) : urlTtl;
    }
}
