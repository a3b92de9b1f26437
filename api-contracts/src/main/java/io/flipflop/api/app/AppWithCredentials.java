package io.flipflop.api.app;

/** Answer of {@code POST /console/v1/apps}: the new app and, this one time only, its API secret. */
public record AppWithCredentials(AppView app, AppCredentials credentials) {
}
