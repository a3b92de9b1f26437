package io.flipflop.api.videopost;

/** The source is unusable; the reason says why. */
public record SourceUploadFailed(long videoPostId, VideoPostState state, String reason)
        implements VideoPostEvent {
}
