package io.flipflop.api.member;

/**
 * Member {@code memberId} ({@code appUserId}) now follows {@code followedMemberId} ({@code followedAppUserId}).
 * Both sides' ids are carried, so a projection lists followings and followers without looking anyone up.
 */
public record FollowingAdded(long memberId, long appId, String appUserId, long followedMemberId,
                             String followedAppUserId) implements MemberEvent {
}
