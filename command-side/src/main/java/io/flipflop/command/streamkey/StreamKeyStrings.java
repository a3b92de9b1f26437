package io.flipflop.command.streamkey;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Makes the secret path segment of {@code rtmp://host/live/{streamKey}}: whoever knows it can publish as the
 * member, so it is as unguessable as an API secret (32 base62 characters, about 190 bits) and needs no escaping
 * in a URL or in OBS.
 */
@Component
public class StreamKeyStrings {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;

    private final SecureRandom random = new SecureRandom();

    public String newStreamKey() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }
}
