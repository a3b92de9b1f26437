package io.flipflop.api.streamkey;

/** ACTIVE_PREP → ACTIVE (owner preview), or ACTIVE_LIVE_PREP → ACTIVE_LIVE (live again for the room). */
public record CmafPublishStarted(long streamKeyId, StreamKeyState state, String workerId, Long videoRoomId)
        implements StreamKeyEvent {
}
