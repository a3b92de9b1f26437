package io.flipflop.api.member;

public record FriendRemoved(long memberId, long appId, String appUserId, long friendMemberId,
                            String friendAppUserId) implements MemberEvent {
}
