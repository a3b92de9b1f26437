package io.flipflop.api.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Member {@code memberId} stops following {@code followedMemberId}; not following it already is fine. */
public record RemoveFollowing(@TargetAggregateIdentifier long memberId, long followedMemberId,
                              String followedAppUserId) {
}
