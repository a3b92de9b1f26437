package io.flipflop.api.videoroom;

/** LIVE or LIVE_INACTIVE → ENDED with {@code forciblyTerminated}; no VOD is kept. */
public record VideoRoomForciblyTerminated(long videoRoomId, VideoRoomState state, long streamKeyId)
        implements VideoRoomEvent {
}
