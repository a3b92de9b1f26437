package io.flipflop.api.streamkey;

/** ACTIVE → INACTIVE, or ACTIVE_LIVE → INACTIVE_LIVE (the room loses its ingest). */
public record CmafPublishStopped(long streamKeyId, StreamKeyState state, String workerId, IngestStopReason reason,
                                 Long videoRoomId) implements StreamKeyEvent {
}
