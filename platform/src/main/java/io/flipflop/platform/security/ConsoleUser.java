package io.flipflop.platform.security;

/**
 * The principal of a console API request ({@code /console/v1/...}) after its session token (Bearer or
 * cookie) was verified. Controllers take it with {@code @AuthenticationPrincipal ConsoleUser user}.
 */
public record ConsoleUser(long userId, String email) {
}
