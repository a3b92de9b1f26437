package io.flipflop.api.app;

/** The API credentials, answered once after creation or rotation and never again. */
public record AppCredentials(long appId, String apiKey, String apiSecret) {

    /** Frameworks log encoded bodies at DEBUG through toString; the secret must never be among them. */
    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", apiKey=" + apiKey + ", apiSecret=***]";
    }
}
