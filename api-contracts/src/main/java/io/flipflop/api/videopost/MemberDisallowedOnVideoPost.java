package io.flipflop.api.videopost;

/** A member was taken off the allowlist. */
public record MemberDisallowedOnVideoPost(long videoPostId, VideoPostState state, long appId, long memberId,
                                          String appUserId)
        implements VideoPostEvent {
}
