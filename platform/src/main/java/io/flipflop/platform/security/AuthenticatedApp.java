package io.flipflop.platform.security;

import io.flipflop.api.app.AppRef;

/**
 * The principal of an App API request ({@code /v2/apps/me/...}) after its Basic {@code apiKey:apiSecret}
 * was checked. Controllers take it with {@code @AuthenticationPrincipal AuthenticatedApp app}; every read
 * and write is scoped to {@code appId}, which is how one app never sees another's data.
 */
public record AuthenticatedApp(long appId, String name) {

    /** The principal was read from the app's credentials just now, so it names the app without a lookup. */
    public AppRef appRef() {
        return new AppRef(appId, "ACTIVE", name);
    }
}
