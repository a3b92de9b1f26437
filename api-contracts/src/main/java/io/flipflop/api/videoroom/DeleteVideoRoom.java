package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a room that is not on air; afterwards it is not found. */
public record DeleteVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, Long ownerMemberId)
        implements VideoRoomCommand {
}
