package io.flipflop.api.app;

public record AppCreated(long appId, long ownerUserId, String name, String apiKey, String apiSecretHash)
        implements AppEvent {
}
