package io.flipflop.api.user;

public record UserSignedUp(long userId, String email, String passwordHash) implements UserEvent {
}
