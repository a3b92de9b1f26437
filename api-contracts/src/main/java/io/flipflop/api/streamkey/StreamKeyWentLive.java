package io.flipflop.api.streamkey;

/** ACTIVE → ACTIVE_LIVE for {@code videoRoomId}. */
public record StreamKeyWentLive(long streamKeyId, StreamKeyState state, long videoRoomId) implements StreamKeyEvent {
}
