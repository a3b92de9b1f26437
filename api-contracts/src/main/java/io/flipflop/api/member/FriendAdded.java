package io.flipflop.api.member;

/**
 * {@code friendMemberId} is now a friend of {@code memberId}. One such event on each of the two members' streams
 * makes a friendship; a projection may rely on either.
 */
public record FriendAdded(long memberId, long appId, String appUserId, long friendMemberId, String friendAppUserId)
        implements MemberEvent {
}
