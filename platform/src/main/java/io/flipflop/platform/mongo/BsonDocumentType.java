package io.flipflop.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded server's collections on the H2 backend: a document is stored as its BSON, encoded
 * and decoded by the server's own wire codec, where H2's {@link ObjectDataType} Java-serializes it.
 * <p>
 * H2 writes every document of a page again whenever one of them changes, and its background writer reads pages
 * back to compact the file, so each document is serialized many times over. With Java serialization that was 8% of
 * all CPU samples of the platform benchmark (twelfth session; a new {@code ObjectOutputStream} and the class
 * descriptors of every map and value, per document). Measured on an event's document (spike, EVENT-STORE.md): BSON
 * writes it 4× faster and reads it 15× faster, in 821 bytes against 1,125.
 * <p>
 * The server decoded every stored document from BSON in the first place, so BSON holds whatever it stores. Files
 * written before keep their Java-serialized documents readable: those are read by {@link ObjectDataType} and
 * written as BSON when their page is next written. H2 itself (and mongo-java-server's stock H2 backend) cannot read
 * a document written here.
 */
public final class BsonDocumentType extends ObjectDataType {

    /** Stateless, so one for every collection of every store in the JVM. */
    public static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** A first byte that none of {@link ObjectDataType}'s types starts with (they use 0–49 and 64–119). */
    static final byte BSON = 127;

    private static final int MAP_BYTES = 64;
    private static final int ENTRY_BYTES = 48;
    private static final int OBJECT_BYTES = 24;

    private BsonDocumentType() {
    }

    /** The collections' maps hold documents only, so every value written is one. */
    @Override
    public void write(WriteBuffer buffer, Object value) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument((Document) value, bson);
            buffer.put(BSON).put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return super.read(buffer);
        }
        // BSON begins with its own length, little-endian (a ByteBuffer reads big-endian), counting those four bytes.
        int length = Integer.reverseBytes(buffer.getInt(start + 1));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start + 1, length)));
        buffer.position(start + 1 + length);
        return document;
    }

    /**
     * H2 sizes its page cache by this estimate of the objects on the heap. {@link ObjectDataType} answers a running
     * average of the sizes it serialized, which the documents written here no longer feed.
     */
    @Override
    public int getMemory(Object value) {
        return heapBytes(value);
    }

    private static int heapBytes(Object value) {
        if (value instanceof Map<?, ?> map) {
            int bytes = MAP_BYTES;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += ENTRY_BYTES + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof Collection<?> collection) {
            int bytes = MAP_BYTES;
            for (Object element : collection) {
                bytes += 8 + heapBytes(element);
            }
            return bytes;
        }
        if (value instanceof CharSequence text) {
            return OBJECT_BYTES + 16 + text.length();
        }
        return value == null ? 0 : OBJECT_BYTES;
    }
}
