package io.flipflop.api.videoroom;

/** SCHEDULED → CANCELLED. */
public record VideoRoomCancelled(long videoRoomId, VideoRoomState state) implements VideoRoomEvent {
}
