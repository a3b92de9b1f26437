package io.flipflop.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Index keys are written byte for byte as H2 writes them, and read back equal, whichever way they were written. */
class IndexKeyTypeTest {

    private final Random random = new Random(20261128);

    @Test
    void everyKeyIsWrittenAsH2WritesItAndReadsBack() {
        List<KeyValue> keys = new ArrayList<>(List.of(new KeyValue(0L), new KeyValue(Long.MIN_VALUE),
                new KeyValue(0.0), new KeyValue(Double.NaN), new KeyValue(""), new KeyValue("x".repeat(300)),
                new KeyValue(new ObjectId()), new KeyValue("é"), new KeyValue(7), new KeyValue("a", 1.0)));
        for (int i = 0; i < 200; i++) {
            keys.add(new KeyValue(random.nextLong()));
            keys.add(new KeyValue((double) random.nextLong(1L << 53)));
            keys.add(new KeyValue(random.nextInt(100_000) + "/" + random.nextInt(5_000)));
        }
        ObjectDataType h2 = new ObjectDataType();
        for (KeyValue key : keys) {
            byte[] ours = written(IndexKeyType.INSTANCE, key);
            assertThat(ours).as("%s", key).isEqualTo(written(h2, key));
            assertThat(IndexKeyType.INSTANCE.read(ByteBuffer.wrap(ours))).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void aKeyWrittenByItsValueCountsTwiceItsBytes() {
        KeyValue key = new KeyValue("42/7");
        assertThat(IndexKeyType.INSTANCE.getMemory(key)).isEqualTo(2 * ObjectDataType.serialize(key).length);
    }

    static byte[] written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
