package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** SCHEDULED → LIVE on stream key {@code streamKeyId}, which already went live for this room. */
public record GoLive(@TargetAggregateIdentifier long videoRoomId, long streamKeyId) implements VideoRoomCommand {
}
