package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set the key's own output mode (reference §16: a publish URL's {@code ?mode=} wins over it, and it over the
 * app's default), for the publishes that start after it, in any state. {@code mode} null removes the setting.
 * {@code appId} is the caller's app.
 */
public record ChangeStreamKeyMode(@TargetAggregateIdentifier long streamKeyId, long appId, OutputMode mode)
        implements StreamKeyCommand {
}
