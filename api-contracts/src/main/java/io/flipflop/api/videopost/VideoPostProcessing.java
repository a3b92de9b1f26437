package io.flipflop.api.videopost;

import java.util.List;

/**
 * Our addition: the transcoding as far as it got. {@code percent}, {@code fps} and {@code etaSeconds} move while
 * PROCESSING; {@code failureReason} says why an upload or job failed; {@code renditions} is the encoded ladder.
 */
public record VideoPostProcessing(Double percent, Double fps, Long etaSeconds, Integer attempt,
                                  String failureReason, SourceProbe source, List<Rendition> renditions) {
}
