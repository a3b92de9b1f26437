package io.flipflop.api.videoroom;

/** SCHEDULED → LIVE on {@code streamKeyId}, linked until the end. */
public record VideoRoomWentLive(long videoRoomId, VideoRoomState state, long streamKeyId) implements VideoRoomEvent {
}
