package io.flipflop.api.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records {@code friendMemberId} as a friend of {@code memberId}. Friendship is mutual: the App API sends one
 * command to each of the two members, and each is idempotent, so repeating the request completes a half-recorded
 * friendship.
 */
public record AddFriend(@TargetAggregateIdentifier long memberId, long friendMemberId, String friendAppUserId) {
}
