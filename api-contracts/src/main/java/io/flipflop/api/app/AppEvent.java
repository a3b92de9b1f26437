package io.flipflop.api.app;

/** Events of an app's stream: the app, its API credentials and its webhook registration. */
public sealed interface AppEvent permits AppCreated, AppCredentialsRotated, AppCallbackRegistered,
        AppCallbackSigningSecretRotated, AppCallbackUnregistered, AppCallbackTestRequested {
    long appId();
}
