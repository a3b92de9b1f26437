package io.flipflop.api.videoroom;

/** {@code stats} of a room: {@code totalMemberWhitelistCount} is the size of its allowlist. */
public record VideoRoomStats(long totalMemberWhitelistCount) {
}
