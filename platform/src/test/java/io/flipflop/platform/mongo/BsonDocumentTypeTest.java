package io.flipflop.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBinarySubType;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * A stored document reads back equal, with every BSON type the driver sends, whether it was written as BSON here or
 * Java-serialized by H2 before.
 */
class BsonDocumentTypeTest {

    /** Every value type as the server holds it: decoded by its wire codec from what the driver encoded. */
    private final Document stored = asTheServerDecodesIt(new org.bson.Document("_id", new ObjectId())
            .append("int", 7).append("long", 1L << 40).append("double", -0.5).append("decimal", Decimal128.parse("1.10"))
            .append("string", "é, 😀 and \u0000-free").append("null", null).append("true", true).append("false", false)
            .append("date", new Date(1_796_000_000_123L)).append("timestamp", new BsonTimestamp(1_796_000_000, 3))
            .append("nested", new org.bson.Document("list", List.of(1, "two", new org.bson.Document("three", 3.0))))
            .append("empty", new org.bson.Document()).append("binary", new Binary(new byte[] {1, 2, 3}))
            .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes()))
            .append("legacyUuid", new Binary(BsonBinarySubType.UUID_LEGACY, uuidBytes()))
            .append("regex", new BsonRegularExpression("^a.*", "i")).append("code", new Code("return 1"))
            .append("min", new MinKey()).append("max", new MaxKey()));

    @Test
    void aDocumentIsWrittenAsBsonAndReadsBackEqual() {
        byte[] written = IndexKeyTypeTest.written(BsonDocumentType.INSTANCE, stored);

        assertThat(written[0]).isEqualTo(BsonDocumentType.BSON);
        ByteBuffer buffer = ByteBuffer.wrap(written);
        assertSameDocument(BsonDocumentType.INSTANCE.read(buffer), stored);
        assertThat(buffer.remaining()).as("the whole value and nothing after it was read").isZero();
        assertThat(stored.keySet()).as("every type was decoded into the document").hasSize(20);
    }

    @Test
    void aDocumentJavaSerializedByH2BeforeReadsBackEqual() {
        byte[] written = IndexKeyTypeTest.written(new ObjectDataType(), stored);

        assertSameDocument(BsonDocumentType.INSTANCE.read(ByteBuffer.wrap(written)), stored);
    }

    @Test
    void documentsReadOneAfterAnotherFromOnePage() {
        Document other = new Document("_id", 2L).append("k", "42/7");
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, stored);
        new ObjectDataType().write(buffer, other);
        BsonDocumentType.INSTANCE.write(buffer, other);
        ByteBuffer page = buffer.getBuffer().flip();

        assertSameDocument(BsonDocumentType.INSTANCE.read(page), stored);
        assertThat(BsonDocumentType.INSTANCE.read(page)).isEqualTo(other);
        assertThat(BsonDocumentType.INSTANCE.read(page)).isEqualTo(other);
        assertThat(page.remaining()).isZero();
    }

    @Test
    void theHeapEstimateGrowsWithTheDocument() {
        Document small = new Document("_id", 1L);
        Document large = new Document("_id", 1L).append("payload", "x".repeat(10_000));

        assertThat(BsonDocumentType.INSTANCE.getMemory(large))
                .isGreaterThan(BsonDocumentType.INSTANCE.getMemory(small) + 10_000);
    }

    /**
     * Field by field, in the same order: the server's regular expressions and min and max keys have no
     * {@code equals}, so a document holding them equals only itself. A regular expression's compiled pattern is a
     * cache that Java deserialization leaves null.
     */
    private static void assertSameDocument(Object actual, Document expected) {
        assertThat(actual).isInstanceOfSatisfying(Document.class, document -> {
            assertThat(document.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(document).usingRecursiveComparison().ignoringFields("regex.compiledPattern")
                    .isEqualTo(expected);
        });
    }

    private static Document asTheServerDecodesIt(org.bson.Document sent) {
        BasicOutputBuffer bson = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(bson), sent, EncoderContext.builder().build());
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson.toByteArray()));
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.fromString("6f1c1a3e-6b1a-4a55-9a60-0d7d8c0bbd31");
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
