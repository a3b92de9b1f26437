package io.flipflop.media.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The first 8 hex digits of a stream key's SHA-256: what log lines show instead of the key, which is a
 * publishing credential. Enough to tell publishers apart in a log, useless for guessing the key.
 */
final class KeyDigest {

    private KeyDigest() {
    }

    static String of(String streamKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(streamKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
