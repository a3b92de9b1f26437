package io.flipflop.query.webhook;

/** A registered webhook with its secrets opened, for the length of one attempt. */
record Callback(String callbackUrl, String callbackId, String callbackPassword, String signingSecret) {

    @Override
    public String toString() {
        return "Callback[callbackUrl=" + callbackUrl + ", callbackId=" + callbackId + ", secrets=***]";
    }
}
