package io.flipflop.api.member;

/** Events of a member's stream. */
public sealed interface MemberEvent permits MemberRegistered, MemberProfileUpdated, MemberDeleted, FollowingAdded,
        FollowingRemoved, FriendAdded, FriendRemoved {
    long memberId();
}
