package io.flipflop.api.videoroom;

/** The room as nested in a stream key while on air (reference §13.2). */
public record VideoRoomRef(long id, String state, VideoRoomState videoRoomState, VideoRoomType type, String title) {
}
