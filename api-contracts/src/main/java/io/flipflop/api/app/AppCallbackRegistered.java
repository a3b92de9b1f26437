package io.flipflop.api.app;

/** The app's webhook as registered now, with the signing secret it signs with (encrypted, like the password). */
public record AppCallbackRegistered(long appId, String callbackUrl, String callbackId, SealedSecret callbackPassword,
                                    SealedSecret signingSecret) implements AppEvent {
}
