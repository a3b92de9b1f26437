package io.flipflop.api.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A console user creates a FlipFlop App. Only the SHA-256 of the API secret travels and is stored. */
public record CreateApp(@TargetAggregateIdentifier long appId, long ownerUserId, String name, String apiKey,
                        String apiSecretHash) {
}
