package io.flipflop.media.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The RTMP server ({@code flipflop.rtmp.*}).
 *
 * @param enabled               start the server (default true)
 * @param bindAddress           interface to listen on (default all, {@code 0.0.0.0})
 * @param port                  default 1935; 0 picks a free port (tests), see {@link RtmpServer#port()}
 * @param maxMessageSize        largest message a publisher may send, and most bytes it may hold in unfinished
 *                              messages (default 8 MB: a 4K keyframe fits several times)
 * @param maxChunkSize          largest Set Chunk Size accepted (default 1 MB; OBS and FFmpeg use 4 KB)
 * @param maxChunkStreams       chunk streams one connection may use (default 64; publishers use under 10)
 * @param maxMessagesPerSecond  average message rate per connection (default 1000; bursts of twice that)
 * @param handshakeTimeout      time to complete the handshake (default 5 s)
 * @param idleTimeout           time without a byte from the peer before it is dropped, also mid-message
 *                              (default 10 s)
 * @param ingestQueueLength     tags buffered between a connection and its packager before the publisher is
 *                              dropped (default 1024, about 13 s of a 30 fps stream with AAC)
 * @param admissionThreads      threads checking publishes (key look-up, StartIngest) (default 2)
 * @param admissionQueueLength  publishes waiting for a check before more are refused (default 64)
 * @param eventLoopThreads      Netty threads for connections (default 0: Netty's choice, twice the cores)
 */
@ConfigurationProperties("flipflop.rtmp")
public record RtmpSettings(Boolean enabled, String bindAddress, Integer port, DataSize maxMessageSize,
                           DataSize maxChunkSize, Integer maxChunkStreams, Integer maxMessagesPerSecond,
                           Duration handshakeTimeout, Duration idleTimeout, Integer ingestQueueLength,
                           Integer admissionThreads, Integer admissionQueueLength, Integer eventLoopThreads) {

    public RtmpSettings {
        enabled = enabled == null || enabled;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
        port = port == null ? 1935 : port;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(8) : maxMessageSize;
        maxChunkSize = maxChunkSize == null ? DataSize.ofMegabytes(1) : maxChunkSize;
        maxChunkStreams = maxChunkStreams == null ? 64 : maxChunkStreams;
        maxMessagesPerSecond = maxMessagesPerSecond == null ? 1000 : maxMessagesPerSecond;
        handshakeTimeout = handshakeTimeout == null ? Duration.ofSeconds(5) : handshakeTimeout;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(10) : idleTimeout;
        ingestQueueLength = ingestQueueLength == null ? 1024 : ingestQueueLength;
        admissionThreads = admissionThreads == null ? 2 : admissionThreads;
        admissionQueueLength = admissionQueueLength == null ? 64 : admissionQueueLength;
        eventLoopThreads = eventLoopThreads == null ? 0 : eventLoopThreads;
    }
}
