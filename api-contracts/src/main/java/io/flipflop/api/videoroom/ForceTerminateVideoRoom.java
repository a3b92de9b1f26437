package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LIVE or LIVE_INACTIVE → ENDED with {@code forciblyTerminated}; never archived. */
public record ForceTerminateVideoRoom(@TargetAggregateIdentifier long videoRoomId, long streamKeyId)
        implements VideoRoomCommand {
}
