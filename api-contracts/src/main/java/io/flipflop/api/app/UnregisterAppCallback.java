package io.flipflop.api.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops webhook deliveries and forgets the callback's credentials and signing secret. Owner only. */
public record UnregisterAppCallback(@TargetAggregateIdentifier long appId, long requestedByUserId) {
}
