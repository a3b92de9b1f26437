package io.flipflop.api.app;

/** The app as nested in members, stream keys and rooms (reference §13). */
public record AppRef(long id, String state, String name) {
}
