package io.flipflop.api.videopost;

/** A member was put on the allowlist. */
public record MemberAllowedOnVideoPost(long videoPostId, VideoPostState state, long appId, long memberId,
                                       String appUserId)
        implements VideoPostEvent {
}
