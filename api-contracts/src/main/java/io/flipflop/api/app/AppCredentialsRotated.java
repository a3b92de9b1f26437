package io.flipflop.api.app;

public record AppCredentialsRotated(long appId, String previousApiKey, String apiKey, String apiSecretHash)
        implements AppEvent {
}
