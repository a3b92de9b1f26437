package io.flipflop.api.videoroom;

/** {@code stats} of a room. */
public record VideoRoomStats(long totalMemberWhitelistCount) {
}
