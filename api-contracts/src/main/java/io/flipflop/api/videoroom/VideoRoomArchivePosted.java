package io.flipflop.api.videoroom;

/** The archived room's recording is video post {@code videoPostId}; no state changes. */
public record VideoRoomArchivePosted(long videoRoomId, VideoRoomState state, long videoPostId)
        implements VideoRoomEvent {
}
