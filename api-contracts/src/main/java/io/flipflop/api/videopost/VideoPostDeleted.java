package io.flipflop.api.videopost;

/** The post is gone; the media worker removes its files. */
public record VideoPostDeleted(long videoPostId, VideoPostState state, long appId)
        implements VideoPostEvent {
}
