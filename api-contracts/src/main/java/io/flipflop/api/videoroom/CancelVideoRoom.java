package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** SCHEDULED → CANCELLED. */
public record CancelVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, Long ownerMemberId)
        implements VideoRoomCommand {
}
