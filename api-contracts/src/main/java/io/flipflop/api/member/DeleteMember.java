package io.flipflop.api.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteMember(@TargetAggregateIdentifier long memberId) {
}
