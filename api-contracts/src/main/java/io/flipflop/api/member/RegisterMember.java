package io.flipflop.api.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a member on first login or explicit registration. A non-guest member gets its stream key in the
 * same step ({@code streamKeyId}, {@code streamKey}); a guest gets none (both null).
 */
public record RegisterMember(@TargetAggregateIdentifier long memberId, long appId, String appUserId,
                             MemberProfile profile, boolean guest, Long streamKeyId, String streamKey) {
}
