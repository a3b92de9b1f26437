package io.flipflop.api.usage;

/**
 * One room's share of a {@link PlaybackUsageReported}, or one video post's: {@code videoRoomId} is then the post's id
 * (ids are unique across rooms and posts).
 *
 * @param deliveredMillis       media time served to the room's viewer sessions (each piece of media counted
 *                              once per session)
 * @param deliveredBytes        bytes the origin sent for the room: manifests and media
 * @param peakConcurrentViewers the most viewer sessions of the room open at once in the window
 */
public record RoomPlayback(long videoRoomId, long deliveredMillis, long deliveredBytes, int peakConcurrentViewers) {
}
