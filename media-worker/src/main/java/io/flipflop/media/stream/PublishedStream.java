package io.flipflop.media.stream;

import io.flipflop.api.streamkey.OutputMode;

/** Who is publishing: resolved from the stream key string when the publisher's {@code publish} is accepted. */
public record PublishedStream(long streamKeyId, long appId, long memberId, String workerId, OutputMode mode) {
}
