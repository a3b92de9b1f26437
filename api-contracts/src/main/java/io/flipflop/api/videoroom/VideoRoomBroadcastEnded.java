package io.flipflop.api.videoroom;

/** LIVE_INACTIVE → ENDED; the stream key is unlinked and archiving follows. */
public record VideoRoomBroadcastEnded(long videoRoomId, VideoRoomState state, long streamKeyId)
        implements VideoRoomEvent {
}
