package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * App API force-terminate (reference §6.6): from any state to INACTIVE with the key string replaced by
 * {@code newStreamKey}; a no-op when the key is already INACTIVE. {@code appId} is the caller's app: a key of
 * another app is not found.
 */
public record ForceTerminateStreamKey(@TargetAggregateIdentifier long streamKeyId, long appId, String newStreamKey)
        implements StreamKeyCommand {
}
