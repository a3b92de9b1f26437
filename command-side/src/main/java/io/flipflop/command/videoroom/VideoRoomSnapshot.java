package io.flipflop.command.videoroom;

import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VodState;
import java.time.Instant;

/**
 * What a video room command handler answers: the room right after the command, for read-your-writes answers.
 * {@code ownerStreamKeyId} is the owner's key (null for a guest); {@code broadcastStreamKeyId} the key the room
 * went live on (kept after the end).
 */
public record VideoRoomSnapshot(long videoRoomId, long appId, long memberId, String appUserId, Long ownerStreamKeyId,
                                VideoRoomType type, VideoRoomDetails details, Instant scheduledAt, String uuid,
                                CreatorType creatorType, long creatorId, VideoRoomState state, VodState vodState,
                                String vodUrl, boolean forciblyTerminated, Long broadcastStreamKeyId,
                                Instant cancelledAt, Instant liveStartedAt, Instant liveEndedAt,
                                Instant vodArchivedAt, Instant createdAt, Instant lastModifiedAt) {

    /** The key is shown in the room only while on air (reference §13.3). */
    public boolean onAir() {
        return state == VideoRoomState.LIVE || state == VideoRoomState.LIVE_INACTIVE;
    }
}
