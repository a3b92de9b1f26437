package io.flipflop.api.videopost;

/** The job is queued, with what the source is. */
public record TranscodingQueued(long videoPostId, VideoPostState state, SourceProbe probe)
        implements VideoPostEvent {
}
