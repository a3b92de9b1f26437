package io.flipflop.api.videopost;

/** The job could not be queued. */
public record TranscodingQueuingFailed(long videoPostId, VideoPostState state, String reason)
        implements VideoPostEvent {
}
