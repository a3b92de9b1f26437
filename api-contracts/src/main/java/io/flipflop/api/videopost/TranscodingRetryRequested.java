package io.flipflop.api.videopost;

/** A retry was asked for; {@code state} (FAILED_QUEUING or FAILED_PROCESSING) says which step runs again. */
public record TranscodingRetryRequested(long videoPostId, VideoPostState state) implements VideoPostEvent {
}
