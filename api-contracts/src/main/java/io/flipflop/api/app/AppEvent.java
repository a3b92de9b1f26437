package io.flipflop.api.app;

/**
 * Events of an app's stream: the app, its API credentials, its webhook registration, its default output mode and
 * its default transcoding profiles.
 */
public sealed interface AppEvent permits AppCreated, AppCredentialsRotated, AppCallbackRegistered,
        AppCallbackSigningSecretRotated, AppCallbackUnregistered, AppCallbackTestRequested,
        AppDefaultRtmpOutputModeChanged, AppDefaultTranscodingProfileChanged {
    long appId();
}
