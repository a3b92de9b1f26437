package io.flipflop.api.app;

/** The API credentials, answered once after creation or rotation and never again. */
public record AppCredentials(long appId, String apiKey, String apiSecret) {
}
