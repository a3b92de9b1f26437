package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LIVE → LIVE_INACTIVE: the stream key became INACTIVE_LIVE. */
public record MarkIngestLost(@TargetAggregateIdentifier long videoRoomId, long streamKeyId)
        implements VideoRoomCommand {
}
