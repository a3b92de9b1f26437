package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
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
 * ({@link #UNKNOWN}). The same layouts build a key's serialized bytes for H2's page writes ({@link #layoutOf}).
 */
final class SerializedKeyOrder {

    /** The answer when the values alone do not tell the order. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    /** Above this, or with a character outside 1…127, a string is serialized differently. */
    private static final int MAX_PLAIN_LENGTH = 0xFFFF;

    private static final FixedWidth LONGS = FixedWidth.checked(0L, -1L, value -> bigEndian((Long) value),
            (x, y) -> Long.compareUnsigned((Long) x, (Long) y),
            List.of(-1L, 1L, 0x0102030405060708L, Long.MIN_VALUE, Long.MAX_VALUE, 1_234_567L));
    private static final FixedWidth DOUBLES = FixedWidth.checked(0.0, -0.0,
            value -> bigEndian(Double.doubleToLongBits((Double) value)),
            (x, y) -> Long.compareUnsigned(Double.doubleToLongBits((Double) x), Double.doubleToLongBits((Double) y)),
            List.of(-0.0, 1.0, -1.0, 1_234_567.0, 0.5, Double.MAX_VALUE, -Double.MIN_VALUE, Double.NaN,
                    Double.NEGATIVE_INFINITY));
    private static final FixedWidth OBJECT_IDS = FixedWidth.checked(objectId(0, 0), objectId(0x80, 0),
            value -> ((ObjectId) value).toByteArray(),
            (x, y) -> Arrays.compareUnsigned(((ObjectId) x).toByteArray(), ((ObjectId) y).toByteArray()),
            List.of(objectId(1, 0), objectId(0xff, 0xff), objectId(0x12, 0x7f), new ObjectId()));
    private static final PlainStrings STRINGS = PlainStrings.checked(
            List.of("a", "bc", "42/7", "x".repeat(300), "\u007f~ !"));

    private SerializedKeyOrder() {
    }

    /** -1, 0 or 1 as H2 orders the two keys' serialized bytes, or {@link #UNKNOWN}. */
    static int compare(KeyValue left, KeyValue right) {
        Layout layout = layoutOf(left);
        return layout != null && layout == layoutOf(right)
                ? Integer.signum(layout.order().compare(left.get(0), right.get(0)))
                : UNKNOWN;
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

    /**
     * How a key of this one value is serialized, for ordering keys and building their bytes without a serializer;
     * null for a key whose layout is not known (or failed its check).
     */
    static Layout layoutOf(KeyValue key) {
        if (key.size() != 1) {
            return null;
        }
        Object value = key.get(0);
        if (value instanceof Long) {
            return LONGS;
        }
        if (value instanceof Double) {
            return DOUBLES;
        }
        if (value instanceof ObjectId) {
            return OBJECT_IDS;
        }
        return value instanceof String text && plain(text) ? STRINGS : null;
    }

    /** The serializer's own bytes for a key of this one value. */
    private static byte[] serializedBySerializer(Object value) {
        return ObjectDataType.serialize(new KeyValue(value));
    }

    /** The layout, if it builds every probe's key as the serializer does; else null. */
    private static <L extends Layout> L confirmed(L layout, List<?> probes) {
        for (Object probe : probes) {
            if (!Arrays.equals(layout.serialized(new KeyValue(probe)), serializedBySerializer(probe))) {
                return null;
            }
        }
        return layout;
    }

    /** How the key of one value of a kind is serialized: its bytes, as {@link ObjectDataType#serialize} writes them. */
    sealed interface Layout permits FixedWidth, PlainStrings {

        /** Two values of this kind in the order H2 gives their keys' bytes. */
        Comparator<Object> order();

        byte[] serialized(KeyValue key);

        /** The length of {@link #serialized}, without building it. */
        int serializedLength(KeyValue key);
    }

    /** A key of one value of fixed width: the key of a zero, with the value's {@code bytes} written at {@code at}. */
    private record FixedWidth(byte[] zero, int at, Function<Object, byte[]> bytes, Comparator<Object> order)
            implements Layout {

        /**
         * The layout the key of a zero and the key of a value whose first byte differs ({@code firstByteDiffers})
         * mark, if every probe's key is the zero's with the probe's {@code bytes} written there; else null. The
         * {@code order} is that of the {@code bytes}, unsigned, computed without them.
         */
        static FixedWidth checked(Object zeroValue, Object firstByteDiffers, Function<Object, byte[]> bytes,
                                  Comparator<Object> order, List<?> probes) {
            byte[] zero = serializedBySerializer(zeroValue);
            int at = Arrays.mismatch(zero, serializedBySerializer(firstByteDiffers));
            if (at < 0 || at + bytes.apply(zeroValue).length > zero.length) {
                return null;
            }
            return confirmed(new FixedWidth(zero, at, bytes, order), probes);
        }

        @Override
        public byte[] serialized(KeyValue key) {
            byte[] value = bytes.apply(key.get(0));
            byte[] serialized = zero.clone();
            System.arraycopy(value, 0, serialized, at, value.length);
            return serialized;
        }

        @Override
        public int serializedLength(KeyValue key) {
            return zero.length;
        }
    }

    /** A key of one plain string: the empty string's key with its 2 length bytes, then the characters. */
    private record PlainStrings(byte[] empty, int lengthAt) implements Layout {

        /** The length bytes come first: shorter strings first, then character by character. */
        private static final Comparator<Object> ORDER = (x, y) -> {
            String s = (String) x;
            String t = (String) y;
            return s.length() != t.length() ? s.length() - t.length() : s.compareTo(t);
        };

        /** The layout the keys of "" and "a" mark, if every probe's key is built by it; else null. */
        static PlainStrings checked(List<String> probes) {
            byte[] empty = serializedBySerializer("");
            int lengthAt = Arrays.mismatch(empty, serializedBySerializer("a")) - 1;
            if (lengthAt < 0 || lengthAt + 2 > empty.length) {
                return null;
            }
            return confirmed(new PlainStrings(empty, lengthAt), probes);
        }

        @Override
        public Comparator<Object> order() {
            return ORDER;
        }

        @Override
        public byte[] serialized(KeyValue key) {
            String value = (String) key.get(0);
            byte[] serialized = new byte[empty.length + value.length()];
            System.arraycopy(empty, 0, serialized, 0, lengthAt);
            serialized[lengthAt] = (byte) (value.length() >>> 8);
            serialized[lengthAt + 1] = (byte) value.length();
            for (int i = 0; i < value.length(); i++) {
                serialized[lengthAt + 2 + i] = (byte) value.charAt(i);
            }
            System.arraycopy(empty, lengthAt + 2, serialized, lengthAt + 2 + value.length(),
                    empty.length - lengthAt - 2);
            return serialized;
        }

        @Override
        public int serializedLength(KeyValue key) {
            return empty.length + ((String) key.get(0)).length();
        }
    }

    /** For the test: whether the layouts were confirmed, so the fast path is taken at all. */
    static boolean confirmed() {
        return LONGS != null && DOUBLES != null && OBJECT_IDS != null && STRINGS != null;
    }
}
