package io.flipflop.api.user;

/** Events of a console user's stream. */
public sealed interface UserEvent permits UserSignedUp {
    long userId();
}
