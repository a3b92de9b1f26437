package io.flipflop.api.member;

public record MemberRegistered(long memberId, long appId, String appUserId, MemberProfile profile, boolean guest,
                               Long streamKeyId) implements MemberEvent {
}
