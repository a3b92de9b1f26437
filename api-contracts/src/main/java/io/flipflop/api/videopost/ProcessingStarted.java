package io.flipflop.api.videopost;

/** A worker runs the job. */
public record ProcessingStarted(long videoPostId, VideoPostState state, String workerId, int attempt)
        implements VideoPostEvent {
}
