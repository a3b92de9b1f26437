package io.flipflop.command.streamkey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * RTMP ingest settings ({@code flipflop.ingest.*}).
 *
 * @param lease     how long an ingest stays ACTIVE* without a renewal from its worker (default 15 s)
 * @param ingestUrl the RTMP base shown as a stream key's {@code ingestUrl} (publish to {@code ingestUrl/streamKey})
 */
@ConfigurationProperties("flipflop.ingest")
public record IngestSettings(Duration lease, String ingestUrl) {

    public IngestSettings {
        lease = lease == null ? Duration.ofSeconds(15) : lease;
        ingestUrl = ingestUrl == null ? "rtmp://localhost:1935/live" : ingestUrl;
    }
}
