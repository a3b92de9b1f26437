package io.flipflop.api.videoroom;

/** The room is gone; {@code state} is the one it had when deleted. */
public record VideoRoomDeleted(long videoRoomId, VideoRoomState state, long appId) implements VideoRoomEvent {
}
