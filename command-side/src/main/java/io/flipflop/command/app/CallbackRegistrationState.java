package io.flipflop.command.app;

/** What a webhook registration answers: the callback as registered, and whether it issued a signing secret. */
public record CallbackRegistrationState(String callbackUrl, String callbackId, boolean signingSecretIssued) {
}
