package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order H2 gives two index keys by their Java-serialized bytes, read off their values for the keys nearly
 * every lookup uses: one number (global event indexes, numeric ids), one plain ASCII {@code String} (aggregate
 * keys, read-model ids) or one {@code ObjectId} (documents inserted without an {@code _id}). The embedded server
 * keeps a number in an index key as a {@code Double} unless a double cannot hold it exactly
 * ({@code Utils.normalizeValue}), so nearly every numeric key is a {@code Double}, the rest {@code Long}s.
 * <p>
 * The serialized form of a one-value key is a fixed prefix, the value, and a fixed suffix: a {@code Long} as its
 * 8 bytes big-endian, a {@code Double} as the 8 bytes of {@link Double#doubleToLongBits} big-endian, an
 * {@code ObjectId} as its 12 bytes, a {@code String} as its length in 2 bytes big-endian, then its characters. H2
 * compares the bytes unsigned and left to right, so two longs, the bits of two doubles, or two object ids compare
 * as unsigned numbers, and two strings by length first, then character by character. That layout belongs to Java
 * serialization and to {@link KeyValue}'s fields, so it is not assumed: it is checked against the serializer once,
 * and a value of any other shape, or a layout that fails the check, leaves the comparison to the bytes
 * ({@link #UNKNOWN}).
 */
final class SerializedKeyOrder {

    /** The answer when the values alone do not tell the order. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    /** Above this, or with a character outside 1…127, a string is serialized differently. */
    private static final int MAX_PLAIN_LENGTH = 0xFFFF;

    private static final boolean LONGS = fixedWidthLayoutHolds(0L, -1L, SerializedKeyOrder::bigEndian,
            List.of(-1L, 1L, 0x0102030405060708L, Long.MIN_VALUE, Long.MAX_VALUE, 1_234_567L));
    private static final boolean DOUBLES = fixedWidthLayoutHolds(0.0, -0.0,
            value -> bigEndian(Double.doubleToLongBits(value)), List.of(-0.0, 1.0, -1.0, 1_234_567.0, 0.5,
                    Double.MAX_VALUE, -Double.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY));
    private static final boolean OBJECT_IDS = fixedWidthLayoutHolds(objectId(0, 0), objectId(0x80, 0),
            ObjectId::toByteArray, List.of(objectId(1, 0), objectId(0xff, 0xff), objectId(0x12, 0x7f), new ObjectId()));
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
        if (a instanceof Double x && b instanceof Double y) {
            return DOUBLES
                    ? Integer.signum(Long.compareUnsigned(Double.doubleToLongBits(x), Double.doubleToLongBits(y)))
                    : UNKNOWN;
        }
        if (a instanceof ObjectId x && b instanceof ObjectId y) {
            return OBJECT_IDS ? Integer.signum(Arrays.compareUnsigned(x.toByteArray(), y.toByteArray())) : UNKNOWN;
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

    /**
     * The key of a zero and the key of a value whose first byte differs ({@code firstByteDiffers}) mark where the
     * value's bytes sit, and every probe's key is the zero's with the probe's {@code bytes} written there.
     */
    private static <T> boolean fixedWidthLayoutHolds(T zeroValue, T firstByteDiffers, Function<T, byte[]> bytes,
                                                     List<T> probes) {
        byte[] zero = serialized(zeroValue);
        int at = Arrays.mismatch(zero, serialized(firstByteDiffers));
        int width = bytes.apply(zeroValue).length;
        if (at < 0 || at + width > zero.length) {
            return false;
        }
        for (T probe : probes) {
            byte[] expected = zero.clone();
            System.arraycopy(bytes.apply(probe), 0, expected, at, width);
            if (!Arrays.equals(expected, serialized(probe))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bigEndian(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** Object ids of 12 bytes, the first {@code first}, the others from {@code rest}. */
    private static ObjectId objectId(int first, int rest) {
        byte[] data = new byte[12];
        Arrays.fill(data, (byte) rest);
        data[0] = (byte) first;
        return new ObjectId(data);
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
        return LONGS && DOUBLES && OBJECT_IDS && STRINGS;
    }
}
