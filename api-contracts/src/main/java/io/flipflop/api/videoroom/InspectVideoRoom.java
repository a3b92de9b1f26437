package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers the room as it is, after the tenant check, without changing it: the first step of go live and end,
 * which must check the room before touching the stream key.
 */
public record InspectVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, Long ownerMemberId)
        implements VideoRoomCommand {
}
