package io.flipflop.api.videopost;

/** Carries all details after the change. */
public record VideoPostUpdated(long videoPostId, VideoPostState state, VideoPostDetails details)
        implements VideoPostEvent {
}
