package io.flipflop.api.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes {@code friendMemberId} from the friends of {@code memberId}; sent to both, like {@link AddFriend}. */
public record RemoveFriend(@TargetAggregateIdentifier long memberId, long friendMemberId, String friendAppUserId) {
}
