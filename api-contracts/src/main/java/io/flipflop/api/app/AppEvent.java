package io.flipflop.api.app;

/** Events of an app's stream. */
public sealed interface AppEvent permits AppCreated, AppCredentialsRotated {
    long appId();
}
