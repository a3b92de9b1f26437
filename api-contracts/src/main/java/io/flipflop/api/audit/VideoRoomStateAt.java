package io.flipflop.api.audit;

import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VodState;
import java.time.Instant;

/**
 * Body of {@code GET /v2/apps/me/audit/video-rooms/{videoRoomId}/state?at=}: the room as of {@code at}, replayed
 * from its stored events up to and including the last one stamped at or before {@code at}
 * ({@code lastSequence}, {@code lastEventAt}). {@code streamKeyId} is the key the room broadcasts on: the owner's
 * until it goes live, then the one it went live on.
 */
public record VideoRoomStateAt(long videoRoomId, Instant at, VideoRoomState videoRoomState, VodState vodState,
                               AccessLevel accessLevel, String title, Long streamKeyId, boolean forciblyTerminated,
                               boolean deleted, Instant liveStartedAt, Instant liveEndedAt, long lastSequence,
                               Instant lastEventAt) {
}
