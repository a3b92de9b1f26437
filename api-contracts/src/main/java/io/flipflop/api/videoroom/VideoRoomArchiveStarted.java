package io.flipflop.api.videoroom;

/** vodState NOT_ARCHIVED → ARCHIVING (room stays ENDED). */
public record VideoRoomArchiveStarted(long videoRoomId, VideoRoomState state, VodState vodState)
        implements VideoRoomEvent {
}
