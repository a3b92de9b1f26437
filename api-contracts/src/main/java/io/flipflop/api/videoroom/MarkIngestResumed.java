package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LIVE_INACTIVE → LIVE: the stream key is ACTIVE_LIVE again. */
public record MarkIngestResumed(@TargetAggregateIdentifier long videoRoomId, long streamKeyId)
        implements VideoRoomCommand {
}
