package io.flipflop.api.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the webhook's signing secret; deliveries are signed with the new one from now on. Owner only. */
public record RotateAppCallbackSigningSecret(@TargetAggregateIdentifier long appId, long requestedByUserId,
                                             SealedSecret signingSecret) {
}
