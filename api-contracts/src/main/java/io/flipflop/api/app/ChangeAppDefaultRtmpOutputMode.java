package io.flipflop.api.app;

import io.flipflop.api.streamkey.OutputMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the output mode of the app's publishes whose URL has no {@code ?mode=} and whose key has no mode of its
 * own (reference §16). Owner only.
 */
public record ChangeAppDefaultRtmpOutputMode(@TargetAggregateIdentifier long appId, long requestedByUserId,
                                             OutputMode mode) {
}
