package io.flipflop.api.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers (or replaces) the app's webhook: where and with which Basic credentials state changes are POSTed
 * (reference §17.1). {@code callbackPassword} is null when the request had none (or a blank one).
 * {@code newSigningSecret} is used only when the app has no signing secret yet; a registered app keeps its own.
 */
public record RegisterAppCallback(@TargetAggregateIdentifier long appId, long requestedByUserId, String callbackUrl,
                                  String callbackId, SealedSecret callbackPassword, SealedSecret newSigningSecret) {
}
