package io.flipflop.platform.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes on the H2 backend ({@code _id} and every unique index),
 * stored and ordered exactly as H2's {@link ObjectDataType} stores and orders them, but compared without
 * serializing both keys at every step.
 * <p>
 * An index key is a {@link KeyValue}, which is neither a type H2 knows nor {@link Comparable}, so H2 orders keys
 * by their Java-serialized bytes and serializes both sides of every comparison: a lookup in an index of n keys
 * serialized about 2·log2(n) objects. Profiled under load (JFR, the platform benchmark), that was 60% of the
 * server's CPU time, and more as the event store grew (measured: replay 2.5× faster at 100,000 events with this).
 * Here each key's bytes are computed once and kept while the key object lives (keys compared by identity, so a
 * key is never mistaken for an equal one), which keeps the order, and so the files written before, unchanged.
 * Keys of one number, one plain string or one object id, nearly every lookup, are not serialized at all: their
 * byte order is read off their values ({@link SerializedKeyOrder}); a lookup's key is new each time, so its bytes
 * were computed for it alone (profiled: 4–7% of all CPU samples under load, and the cache's bookkeeping 2–3%).
 * Numbers are mostly {@code Double}s here, as the server keeps them in index keys; until that was read off too,
 * their keys took the cache's path (profiled in the seventh session: 8% of all CPU samples, and 3% more in the
 * cache's upkeep). So did object ids, the {@code _id} of every document inserted without one.
 */
public final class IndexKeyType extends ObjectDataType {

    /** Stateless but for the cache, so one for every index of every store in the JVM. */
    public static final IndexKeyType INSTANCE = new IndexKeyType();

    /**
     * How {@link ObjectDataType} tags a value it stores Java-serialized (its {@code TYPE_SERIALIZED_OBJECT}, not
     * visible here); {@code IndexKeyTypeTest} checks that a key written here is written byte for byte as H2 would.
     */
    private static final byte SERIALIZED_OBJECT = 19;

    /** The keys of the hot index pages; about 300 bytes each, so at most some 15 MB. */
    private static final int CACHED_KEYS = 50_000;

    private final Cache<KeyValue, byte[]> serialized = Caffeine.newBuilder()
            .weakKeys()
            .maximumSize(CACHED_KEYS)
            .build();

    private IndexKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            if (left == right) {
                return 0;
            }
            int order = SerializedKeyOrder.compare(left, right);
            return order != SerializedKeyOrder.UNKNOWN ? order : compareNotNull(bytes(left), bytes(right));
        }
        return super.compare(a, b);
    }

    /**
     * A key of a known layout is written as H2 writes any serialized object, its bytes built off its value instead of
     * by a new {@code ObjectOutputStream} per key (profiled: H2's page writes 4–8% of all CPU samples under load).
     */
    @Override
    public void write(WriteBuffer buffer, Object value) {
        SerializedKeyOrder.Layout layout = layoutOf(value);
        if (layout == null) {
            super.write(buffer, value);
        } else {
            byte[] serialized = layout.serialized((KeyValue) value);
            buffer.put(SERIALIZED_OBJECT).putVarInt(serialized.length).put(serialized);
        }
    }

    /**
     * H2's estimate for a serialized object: twice its bytes. H2 itself keeps a running average of the objects it
     * serialized, which keys written by {@link #write} no longer feed.
     */
    @Override
    public int getMemory(Object value) {
        SerializedKeyOrder.Layout layout = layoutOf(value);
        return layout == null ? super.getMemory(value) : layout.serializedLength((KeyValue) value) * 2;
    }

    private static SerializedKeyOrder.Layout layoutOf(Object value) {
        return value instanceof KeyValue key ? SerializedKeyOrder.layoutOf(key) : null;
    }

    private byte[] bytes(KeyValue key) {
        return serialized.get(key, ObjectDataType::serialize);
    }
}
