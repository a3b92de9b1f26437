package io.flipflop.command.app;

import io.flipflop.platform.security.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Makes App API credentials (SPEC §3): a 24-character base62 API key and a 256-bit secret, base64url without
 * padding. Only the secret's SHA-256 is kept anywhere; a fast hash is enough because the secret is random, not
 * chosen by a person.
 */
@Component
public class ApiCredentialsFactory {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int API_KEY_LENGTH = 24;
    private static final int SECRET_BYTES = 32;

    /** A new key and secret; {@code apiSecret} is for the one answer that shows it, then forgotten. */
    public record NewCredentials(String apiKey, String apiSecret, String apiSecretHash) {

        /** Keeps the secret out of logs should the record ever be logged. */
        @Override
        public String toString() {
            return "NewCredentials[apiKey=" + apiKey + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();

    public NewCredentials newCredentials() {
        StringBuilder apiKey = new StringBuilder(API_KEY_LENGTH);
        for (int i = 0; i < API_KEY_LENGTH; i++) {
            apiKey.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String apiSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new NewCredentials(apiKey.toString(), apiSecret, Sha256.hex(apiSecret));
    }
}
