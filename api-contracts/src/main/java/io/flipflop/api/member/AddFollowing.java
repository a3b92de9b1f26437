package io.flipflop.api.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Member {@code memberId} follows {@code followedMemberId} of the same app; following twice is one following. */
public record AddFollowing(@TargetAggregateIdentifier long memberId, long followedMemberId,
                           String followedAppUserId) {
}
