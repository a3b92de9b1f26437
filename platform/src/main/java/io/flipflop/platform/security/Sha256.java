package io.flipflop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of the random secrets and tokens we hand out (API secrets, refresh tokens): lower-case hex
 * SHA-256 of their UTF-8 text. A fast hash is enough because they are random, not chosen by people; whoever
 * stores one and whoever checks one must hash the same way, so both call this.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
