package io.flipflop.platform.security;

/**
 * The console's session cookie, set by the console login and signup answers (HttpOnly, SameSite=Strict) and
 * read by the console chain when a request has no Bearer header.
 */
public final class ConsoleSessionCookie {

    public static final String NAME = "FLIPFLOP_SESSION";

    private ConsoleSessionCookie() {
    }
}
