package io.flipflop.api.videoroom;

/** vodState ARCHIVING → FAILED_ARCHIVING (room stays ENDED). */
public record VideoRoomArchiveFailed(long videoRoomId, VideoRoomState state, VodState vodState, String reason)
        implements VideoRoomEvent {
}
