package io.flipflop.api.videopost;

/** Progress of the running job. */
public record ProcessingProgressed(long videoPostId, VideoPostState state, double percent, double fps,
                                   Long etaSeconds)
        implements VideoPostEvent {
}
