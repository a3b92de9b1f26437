package io.flipflop.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The order read off the values is the order of the serialized bytes, and it is read off for the common keys. */
class SerializedKeyOrderTest {

    private final Random random = new Random(20261128);

    @Test
    void numbersAndPlainStringsAreOrderedWithoutSerializing() {
        assertThat(SerializedKeyOrder.confirmed()).isTrue();
        assertThat(SerializedKeyOrder.compare(new KeyValue(1L), new KeyValue(2L))).isEqualTo(-1);
        assertThat(SerializedKeyOrder.compare(new KeyValue(2.0), new KeyValue(1.0))).isEqualTo(1);
        assertThat(SerializedKeyOrder.compare(new KeyValue(-1.0), new KeyValue(1.0))).isEqualTo(1);
        KeyValue lowObjectId = new KeyValue(new ObjectId("000000000000000000000001"));
        KeyValue highObjectId = new KeyValue(new ObjectId("800000000000000000000000"));
        assertThat(SerializedKeyOrder.compare(lowObjectId, highObjectId)).isEqualTo(-1);
        assertThat(SerializedKeyOrder.compare(new KeyValue("42/7"), new KeyValue("42/7"))).isZero();
        assertThat(SerializedKeyOrder.compare(new KeyValue("b"), new KeyValue("aa"))).isEqualTo(-1);
    }

    @Test
    void everyOtherShapeIsLeftToTheBytes() {
        assertThat(SerializedKeyOrder.compare(new KeyValue(1L), new KeyValue("1"))).isEqualTo(SerializedKeyOrder.UNKNOWN);
        assertThat(SerializedKeyOrder.compare(new KeyValue(1L), new KeyValue(1.0))).isEqualTo(SerializedKeyOrder.UNKNOWN);
        assertThat(SerializedKeyOrder.compare(new KeyValue(1), new KeyValue(2))).isEqualTo(SerializedKeyOrder.UNKNOWN);
        assertThat(SerializedKeyOrder.compare(new KeyValue("é"), new KeyValue("e"))).isEqualTo(SerializedKeyOrder.UNKNOWN);
        assertThat(SerializedKeyOrder.compare(new KeyValue("a\u0000"), new KeyValue("a"))).isEqualTo(SerializedKeyOrder.UNKNOWN);
        assertThat(SerializedKeyOrder.compare(new KeyValue("a", 1L), new KeyValue("a", 2L))).isEqualTo(SerializedKeyOrder.UNKNOWN);
    }

    @Test
    void agreesWithTheSerializedBytesOnRandomKeys() {
        List<Object> values = new ArrayList<>(List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0.0, -1.0, 1.0,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, new ObjectId("ffffffffffffffffffffffff"), "", "a", "z", "~"));
        for (int i = 0; i < 300; i++) {
            values.add(random.nextLong());
            values.add(random.nextLong(1_000_000));
            values.add((double) random.nextLong(1L << 53));
            values.add(random.nextGaussian() * 1e6);
            byte[] objectId = new byte[12];
            random.nextBytes(objectId);
            values.add(new ObjectId(objectId));
            values.add(plainString());
        }
        for (Object a : values) {
            for (Object b : values) {
                KeyValue left = new KeyValue(a);
                KeyValue right = new KeyValue(b);
                int bytes = ObjectDataType.compareNotNull(ObjectDataType.serialize(left), ObjectDataType.serialize(right));
                assertThat(IndexKeyType.INSTANCE.compare(left, right)).as("%s against %s", a, b).isEqualTo(bytes);
            }
        }
    }

    /** Aggregate keys, ids and random printable text, of lengths from 0 to past 255. */
    private String plainString() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(100_000) + "/" + random.nextInt(5_000);
            case 1 -> random.nextInt(1_000) + ":member-" + random.nextInt(500);
            default -> {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(10) == 0 ? 250 + random.nextInt(20) : random.nextInt(12);
                for (int i = 0; i < length; i++) {
                    text.append((char) (1 + random.nextInt(127)));
                }
                yield text.toString();
            }
        };
    }
}
