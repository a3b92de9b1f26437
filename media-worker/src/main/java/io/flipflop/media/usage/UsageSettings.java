package io.flipflop.media.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Usage metering of the media worker ({@code flipflop.usage.*}).
 *
 * @param reportInterval  the window playback usage is summed over and published per app; must divide an hour
 * @param sessionTimeout  a viewer session closes this long after its last media answer; default: twice the
 *                        HLS target duration, so a player fetching every segment never drops out between two
 * @param storageInterval how often the stored bytes are measured on disk
 */
@ConfigurationProperties("flipflop.usage")
public record UsageSettings(Duration reportInterval, Duration sessionTimeout, Duration storageInterval) {

    public UsageSettings {
        reportInterval = reportInterval == null ? Duration.ofSeconds(5) : reportInterval;
        storageInterval = storageInterval == null ? Duration.ofMinutes(1) : storageInterval;
    }
}
