package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Go live (ACTIVE → ACTIVE_LIVE) for {@code videoRoomId}; the key stays linked to that room until the end. */
public record GoLiveOnStreamKey(@TargetAggregateIdentifier long streamKeyId, long videoRoomId)
        implements StreamKeyCommand {
}
