package io.flipflop.api.videoroom;

/** LIVE → LIVE_INACTIVE. */
public record VideoRoomIngestLost(long videoRoomId, VideoRoomState state, long streamKeyId)
        implements VideoRoomEvent {
}
