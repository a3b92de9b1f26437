package io.flipflop.api.app;

/** Events of an app's stream: the app, its API credentials, its webhook registration and its default output mode. */
public sealed interface AppEvent permits AppCreated, AppCredentialsRotated, AppCallbackRegistered,
        AppCallbackSigningSecretRotated, AppCallbackUnregistered, AppCallbackTestRequested,
        AppDefaultRtmpOutputModeChanged {
    long appId();
}
