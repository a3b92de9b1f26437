package io.flipflop.api.videopost;

import io.flipflop.api.videoroom.CreatorType;

/** A new post, CREATED. */
public record VideoPostCreated(long videoPostId, VideoPostState state, long appId, long memberId, String appUserId,
                               VideoPostType type, VideoPostDetails details, CreatorType creatorType, long creatorId)
        implements VideoPostEvent {
}
