package io.flipflop.api.audit;

/**
 * Body of {@code GET /v2/apps/me/audit/video-rooms/{videoRoomId}/verify}: the room stream's hash chain recomputed
 * from the stored events. {@code eventsChecked} counts the events examined, the broken one included;
 * {@code firstBrokenSequence} is the first event that was changed, is missing, or does not link to its
 * predecessor; null when the chain is intact.
 */
public record ChainVerification(boolean valid, long eventsChecked, Long firstBrokenSequence) {
}
