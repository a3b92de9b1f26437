package io.flipflop.api.member;

public record MemberDeleted(long memberId, long appId, String appUserId) implements MemberEvent {
}
