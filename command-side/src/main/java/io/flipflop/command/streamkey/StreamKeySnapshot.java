package io.flipflop.command.streamkey;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyState;
import java.time.Instant;

/**
 * What a stream key command handler answers: the key right after the command, for read-your-writes answers.
 * {@code workerId} and {@code mode} describe the running ingest (null when none), {@code videoRoomId} the room
 * the key is live for.
 */
public record StreamKeySnapshot(long streamKeyId, long appId, long memberId, String streamKey, StreamKeyState state,
                                String workerId, OutputMode mode, Long videoRoomId, boolean forciblyTerminated,
                                Instant createdAt, Instant lastModifiedAt) {
}
