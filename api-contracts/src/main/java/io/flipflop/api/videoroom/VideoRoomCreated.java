package io.flipflop.api.videoroom;

import java.time.Instant;

/** A new room, SCHEDULED with vodState NOT_ARCHIVED. */
public record VideoRoomCreated(long videoRoomId, VideoRoomState state, VodState vodState, long appId, long memberId,
                               String appUserId, Long streamKeyId, VideoRoomType type, VideoRoomDetails details,
                               Instant scheduledAt, String uuid, CreatorType creatorType, long creatorId)
        implements VideoRoomEvent {
}
