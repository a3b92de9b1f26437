package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LIVE_INACTIVE → ENDED: the stream key's broadcast ended. */
public record EndBroadcast(@TargetAggregateIdentifier long videoRoomId, long streamKeyId)
        implements VideoRoomCommand {
}
