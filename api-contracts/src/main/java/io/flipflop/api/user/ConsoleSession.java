package io.flipflop.api.user;

import java.time.Instant;

/**
 * Answer of signup and login: the session token works as {@code Authorization: Bearer} and is also set as an
 * HttpOnly, SameSite=Strict cookie for the console web page.
 */
public record ConsoleSession(long userId, String email, String sessionToken, Instant expiresAt) {
}
