package io.flipflop.api.app;

public record AppCallbackSigningSecretRotated(long appId, SealedSecret signingSecret) implements AppEvent {
}
