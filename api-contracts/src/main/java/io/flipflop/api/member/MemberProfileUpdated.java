package io.flipflop.api.member;

/** Carries the whole profile after the change, so a projection never needs the previous one. */
public record MemberProfileUpdated(long memberId, long appId, MemberProfile profile) implements MemberEvent {
}
