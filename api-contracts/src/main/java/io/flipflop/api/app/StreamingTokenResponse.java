package io.flipflop.api.app;

/** Answer of {@code POST /v2/apps/me/streaming-tokens} (reference §8): a token for every room and post of the app. */
public record StreamingTokenResponse(String streamingToken) {

    /** Frameworks log encoded bodies at DEBUG through toString; tokens must never be among them. */
    @Override
    public String toString() {
        return "StreamingTokenResponse[***]";
    }
}
