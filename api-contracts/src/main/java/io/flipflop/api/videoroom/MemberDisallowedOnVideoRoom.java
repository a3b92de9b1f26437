package io.flipflop.api.videoroom;

/** The member is off the room's allowlist now; {@code state} is the room's, unchanged. */
public record MemberDisallowedOnVideoRoom(long videoRoomId, VideoRoomState state, long appId, long memberId,
                                          String appUserId) implements VideoRoomEvent {
}
