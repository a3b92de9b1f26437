package io.flipflop.api.user;

import java.time.Instant;

/**
 * Answer of signup and login: the session token works as {@code Authorization: Bearer} and is also set as an
 * HttpOnly, SameSite=Strict cookie for the console web page.
 */
public record ConsoleSession(long userId, String email, String sessionToken, Instant expiresAt) {

    /** Frameworks log encoded bodies at DEBUG through toString; the session token must never be among them. */
    @Override
    public String toString() {
        return "ConsoleSession[userId=" + userId + ", email=" + email + ", sessionToken=***, expiresAt=" + expiresAt + "]";
    }
}
