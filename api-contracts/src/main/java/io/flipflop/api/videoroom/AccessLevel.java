package io.flipflop.api.videoroom;

/** Who may view a room or post (SPEC §3); all seven are enforced, the owner always has access. */
public enum AccessLevel {
    PUBLIC, APP, MEMBER, FOLLOWER, FRIEND, RESTRICTED, PRIVATE
}
