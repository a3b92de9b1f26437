package io.flipflop.api.videoroom;

/** ENDED → ARCHIVED, vodState ARCHIVED with the recording at {@code vodUrl}. */
public record VideoRoomArchived(long videoRoomId, VideoRoomState state, VodState vodState, String vodUrl)
        implements VideoRoomEvent {
}
