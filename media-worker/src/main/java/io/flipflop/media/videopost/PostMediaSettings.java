package io.flipflop.media.videopost;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the media worker stores and transcodes video posts ({@code flipflop.video-posts.*}).
 *
 * @param dataDir          posts live under {@code {dataDir}/media/posts/{videoPostId}}
 * @param concurrency      transcoding jobs run at once on this worker (each ffmpeg uses every core it gets)
 * @param pollInterval     how often an idle worker looks for a queued job (also woken when it queues one)
 * @param lease            a running job's claim; a worker that dies lets it lapse and another run takes the job
 * @param minJobTimeout    a job is killed after max(this, timeoutFactor × source duration)
 * @param timeoutFactor    see minJobTimeout
 * @param maxOutputFactor  a job is killed once its output exceeds this many times the source size (plus 64 MB)
 * @param probeTimeout     ffprobe on a source is killed after this
 * @param progressInterval progress events are recorded at most this often
 */
@ConfigurationProperties("flipflop.video-posts")
public record PostMediaSettings(Path dataDir, Integer concurrency, Duration pollInterval, Duration lease,
                                Duration minJobTimeout, Double timeoutFactor, Double maxOutputFactor,
                                Duration probeTimeout, Duration progressInterval) {

    public PostMediaSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        concurrency = concurrency == null || concurrency < 1 ? 1 : concurrency;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        minJobTimeout = minJobTimeout == null ? Duration.ofMinutes(10) : minJobTimeout;
        timeoutFactor = timeoutFactor == null ? 20.0 : timeoutFactor;
        maxOutputFactor = maxOutputFactor == null ? 4.0 : maxOutputFactor;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(60) : probeTimeout;
        progressInterval = progressInterval == null ? Duration.ofSeconds(2) : progressInterval;
    }

    public Path postsRoot() {
        return dataDir.resolve("media").resolve("posts");
    }
}
