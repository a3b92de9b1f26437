package io.flipflop.api.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces both the API key and the secret; the old pair stops working at once. Owner only. */
public record RotateAppCredentials(@TargetAggregateIdentifier long appId, long requestedByUserId, String apiKey,
                                   String apiSecretHash) {
}
