package io.flipflop.api.streamkey;

/** INACTIVE → ACTIVE_PREP, or INACTIVE_LIVE → ACTIVE_LIVE_PREP (ingest resumed while live for the room). */
public record IngestStarted(long streamKeyId, StreamKeyState state, String workerId, OutputMode mode,
                            Long videoRoomId) implements StreamKeyEvent {
}
