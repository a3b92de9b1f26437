package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the broadcast of {@code videoRoomId} (INACTIVE_LIVE → INACTIVE); unlinks the room. */
public record EndBroadcastOnStreamKey(@TargetAggregateIdentifier long streamKeyId, long videoRoomId)
        implements StreamKeyCommand {
}
