package io.flipflop.platform.security;

/**
 * The principal of an App API request ({@code /v2/apps/me/...}) after its Basic {@code apiKey:apiSecret}
 * was checked. Controllers take it with {@code @AuthenticationPrincipal AuthenticatedApp app}; every read
 * and write is scoped to {@code appId}, which is how one app never sees another's data.
 */
public record AuthenticatedApp(long appId, String name) {
}
