package io.flipflop.api.app;

public record AppCallbackTestRequested(long appId, String deliveryId) implements AppEvent {
}
