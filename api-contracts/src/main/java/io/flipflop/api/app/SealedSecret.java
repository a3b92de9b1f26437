package io.flipflop.api.app;

/**
 * A secret FlipFlop must recover later (a webhook's callback password, its signing secret), encrypted by the
 * platform's secret box: {@code ciphertext} is {@code keyId:base64(nonce || AES-GCM ciphertext and tag)}. Events
 * and commands carry only this form; the clear text exists in memory while a request or a delivery uses it.
 */
public record SealedSecret(String ciphertext) {

    /** Not secret by itself, but nothing about secrets belongs in a log line. */
    @Override
    public String toString() {
        return "SealedSecret[***]";
    }
}
