package io.flipflop.api.app;

public record AppCallbackUnregistered(long appId) implements AppEvent {
}
