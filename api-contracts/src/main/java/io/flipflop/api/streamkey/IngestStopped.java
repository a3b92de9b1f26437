package io.flipflop.api.streamkey;

/** ACTIVE_PREP → INACTIVE or ACTIVE_LIVE_PREP → INACTIVE_LIVE. */
public record IngestStopped(long streamKeyId, StreamKeyState state, String workerId, IngestStopReason reason,
                            Long videoRoomId) implements StreamKeyEvent {
}
