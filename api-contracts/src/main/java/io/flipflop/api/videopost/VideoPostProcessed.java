package io.flipflop.api.videopost;

import java.util.List;

/** The outputs are ready to play. */
public record VideoPostProcessed(long videoPostId, VideoPostState state, List<Rendition> renditions,
                                 List<ProcessedOutput> outputs)
        implements VideoPostEvent {
}
