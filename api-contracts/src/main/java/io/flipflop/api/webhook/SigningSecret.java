package io.flipflop.api.webhook;

/** Answer of a signing secret rotation: the new secret, shown this once. */
public record SigningSecret(String signingSecret) {

    @Override
    public String toString() {
        return "SigningSecret[***]";
    }
}
