package io.flipflop.api.videoroom;

/** LIVE_INACTIVE → LIVE; play URLs are issued anew. */
public record VideoRoomIngestResumed(long videoRoomId, VideoRoomState state, long streamKeyId)
        implements VideoRoomEvent {
}
