package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order H2 gives two index keys by their Java-serialized bytes, read off their values for the keys nearly
 * every lookup uses: one {@code Long} (global event indexes) or one plain ASCII {@code String} (aggregate keys,
 * read-model ids).
 * <p>
 * The serialized form of a one-value key is a fixed prefix, the value, and a fixed suffix: a {@code Long} as its
 * 8 bytes big-endian, a {@code String} as its length in 2 bytes big-endian, then its characters. H2 compares the
 * bytes unsigned and left to right, so two longs compare as unsigned numbers, and two strings by length first,
 * then character by character. That layout belongs to Java serialization and to {@link KeyValue}'s fields, so it
 * is not assumed: it is checked against the serializer once, and a value of any other shape, or a layout that
 * fails the check, leaves the comparison to the bytes ({@link #UNKNOWN}).
 */
final class SerializedKeyOrder {

    /** The answer when the values alone do not tell the order. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    /** Above this, or with a character outside 1…127, a string is serialized differently. */
    private static final int MAX_PLAIN_LENGTH = 0xFFFF;

    private static final boolean LONGS = longLayoutHolds();
    private static final boolean STRINGS = stringLayoutHolds();

    private SerializedKeyOrder() {
    }

    /** -1, 0 or 1 as H2 orders the two keys' serialized bytes, or {@link #UNKNOWN}. */
    static int compare(KeyValue left, KeyValue right) {
        if (left.size() != 1 || right.size() != 1) {
            return UNKNOWN;
        }
        Object a = left.get(0);
        Object b = right.get(0);
        if (a instanceof Long x && b instanceof Long y) {
            return LONGS ? Integer.signum(Long.compareUnsigned(x, y)) : UNKNOWN;
        }
        if (a instanceof String s && b instanceof String t && STRINGS && plain(s) && plain(t)) {
            return s.length() != t.length() ? Integer.signum(s.length() - t.length()) : Integer.signum(s.compareTo(t));
        }
        return UNKNOWN;
    }

    private static boolean plain(String value) {
        if (value.length() > MAX_PLAIN_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 127) {
                return false;
            }
        }
        return true;
    }

    /** Keys of 0 and of -1 differ in exactly 8 bytes, and a long's bytes appear there big-endian. */
    private static boolean longLayoutHolds() {
        byte[] zero = serialized(0L);
        int at = Arrays.mismatch(zero, serialized(-1L));
        if (at < 0 || at + Long.BYTES > zero.length) {
            return false;
        }
        for (long probe : new long[] {-1L, 1L, 0x0102030405060708L, Long.MIN_VALUE, Long.MAX_VALUE, 1_234_567L}) {
            byte[] expected = zero.clone();
            for (int i = 0; i < Long.BYTES; i++) {
                expected[at + i] = (byte) (probe >>> (8 * (Long.BYTES - 1 - i)));
            }
            if (!Arrays.equals(expected, serialized(probe))) {
                return false;
            }
        }
        return true;
    }

    /** The empty string's key with its 2 length bytes replaced by a probe's length and characters. */
    private static boolean stringLayoutHolds() {
        byte[] empty = serialized("");
        int lengthAt = Arrays.mismatch(empty, serialized("a")) - 1;
        if (lengthAt < 0 || lengthAt + 2 > empty.length) {
            return false;
        }
        for (String probe : new String[] {"a", "bc", "42/7", "x".repeat(300), "\u007f~ !"}) {
            byte[] expected = new byte[empty.length + probe.length()];
            System.arraycopy(empty, 0, expected, 0, lengthAt);
            expected[lengthAt] = (byte) (probe.length() >>> 8);
            expected[lengthAt + 1] = (byte) probe.length();
            for (int i = 0; i < probe.length(); i++) {
                expected[lengthAt + 2 + i] = (byte) probe.charAt(i);
            }
            System.arraycopy(empty, lengthAt + 2, expected, lengthAt + 2 + probe.length(), empty.length - lengthAt - 2);
            if (!Arrays.equals(expected, serialized(probe))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] serialized(Object value) {
        return ObjectDataType.serialize(new KeyValue(value));
    }

    /** For the test: whether the layouts were confirmed, so the fast path is taken at all. */
    static boolean confirmed() {
        return LONGS && STRINGS;
    }
}
