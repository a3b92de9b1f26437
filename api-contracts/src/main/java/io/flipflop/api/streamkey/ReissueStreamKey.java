package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the key string (INACTIVE only, reference §6.5). {@code appId} is the caller's app. */
public record ReissueStreamKey(@TargetAggregateIdentifier long streamKeyId, long appId, String newStreamKey)
        implements StreamKeyCommand {
}
