package io.flipflop.platform.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.Document;

/**
 * The hash chain over each aggregate's events: every event document stores the SHA-256 of its own canonical form
 * ({@code hash}) and that of its predecessor in the same aggregate ({@code previousHash}, also in the event's
 * metadata under {@link #PREVIOUS_HASH}). The canonical form covers the predecessor's hash, so changing any stored
 * event breaks the chain at that event and every later one. See docs/EVENT-STORE.md, "Hash chain".
 */
public final class HashChain {

    /** Metadata key of an event's predecessor hash; absent on an aggregate's first event. */
    public static final String PREVIOUS_HASH = "previousHash";

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The outcome of recomputing an aggregate's chain. {@code eventsChecked} counts the events examined, the broken
     * one included; {@code firstBrokenSequence} is null when the chain is intact.
     */
    public record Verification(boolean valid, long eventsChecked, Long firstBrokenSequence) {

        static Verification intact(long eventsChecked) {
            return new Verification(true, eventsChecked, null);
        }

        static Verification brokenAt(long sequence) {
            return new Verification(false, sequence + 1, sequence);
        }
    }

    private HashChain() {
    }

    /**
     * SHA-256, lowercase hex, of the fields as stored, each as a 4-byte big-endian length and its UTF-8 bytes
     * (length -1 for an absent field), so no two different events share a canonical form.
     */
    static String hash(Document event) {
        MessageDigest digest = sha256();
        for (String field : new String[] {
                event.getString(EventDocuments.AGGREGATE),
                String.valueOf(event.getLong(EventDocuments.SEQUENCE)),
                event.getString(EventDocuments.TYPE),
                event.getString(EventDocuments.EVENT_ID),
                event.getString(EventDocuments.TIMESTAMP),
                event.getString(EventDocuments.PAYLOAD_TYPE),
                event.getString(EventDocuments.PAYLOAD_REVISION),
                event.getString(EventDocuments.PAYLOAD),
                event.getString(EventDocuments.META_DATA),
                event.getString(EventDocuments.PREVIOUS_HASH)}) {
            if (field == null) {
                digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return HEX.formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
