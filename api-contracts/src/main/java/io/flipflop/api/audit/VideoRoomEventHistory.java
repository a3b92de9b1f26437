package io.flipflop.api.audit;

import java.util.List;

/**
 * Body of {@code GET /v2/apps/me/audit/video-rooms/{videoRoomId}/events}: the room's events in sequence order, with
 * the events of its stream key that name the room (from going live to the end of the broadcast) merged in by
 * timestamp.
 */
public record VideoRoomEventHistory(long videoRoomId, List<AuditedEvent> events) {
}
