package io.flipflop.api.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The console's "send test": one test delivery to the registered callback, known by {@code deliveryId}. */
public record RequestAppCallbackTest(@TargetAggregateIdentifier long appId, long requestedByUserId,
                                     String deliveryId) {
}
