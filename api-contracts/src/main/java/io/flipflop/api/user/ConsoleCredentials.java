package io.flipflop.api.user;

/** Body of {@code POST /console/v1/signup} and {@code POST /console/v1/login}. */
public record ConsoleCredentials(String email, String password) {
}
