package io.flipflop.api.videoroom;

/** Carries all details after the change, so a projection never needs the previous ones. */
public record VideoRoomUpdated(long videoRoomId, VideoRoomState state, VideoRoomDetails details)
        implements VideoRoomEvent {
}
