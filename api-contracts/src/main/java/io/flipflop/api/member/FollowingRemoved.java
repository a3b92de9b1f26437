package io.flipflop.api.member;

public record FollowingRemoved(long memberId, long appId, String appUserId, long followedMemberId,
                               String followedAppUserId) implements MemberEvent {
}
