package io.flipflop.api.streamkey;

/** INACTIVE_LIVE → INACTIVE: the broadcast of {@code videoRoomId} ended and the key is unlinked. */
public record StreamKeyBroadcastEnded(long streamKeyId, StreamKeyState state, long videoRoomId)
        implements StreamKeyEvent {
}
