package io.flipflop.api.videoroom;

/** The member is on the room's allowlist now; {@code state} is the room's, unchanged. */
public record MemberAllowedOnVideoRoom(long videoRoomId, VideoRoomState state, long appId, long memberId,
                                       String appUserId) implements VideoRoomEvent {
}
