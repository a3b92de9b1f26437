package io.flipflop.api.videopost;

/** The job failed or was cancelled ({@code reason} CANCELLED). */
public record ProcessingFailed(long videoPostId, VideoPostState state, String reason)
        implements VideoPostEvent {
}
