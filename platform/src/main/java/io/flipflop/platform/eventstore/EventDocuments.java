package io.flipflop.platform.eventstore;

import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The shape of an event (and of a snapshot) in MongoDB. One document per event; {@code _id} is the global index
 * so that every tracking read is an {@code _id} lookup, and {@code k} ("aggregate/sequence") carries the unique
 * index that settles concurrent appends and serves aggregate loads.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String KEY = "k";
    static final String AGGREGATE = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    /** When the global index block holding this document was reserved; decides when a gap below it is dead. */
    static final String RESERVED_AT = "reservedAt";
    static final String TOMBSTONE = "tombstone";
    /** The hash chain ({@link HashChain}): this event's hash and its predecessor's (absent on sequence 0). */
    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";

    private EventDocuments() {
    }

    static String key(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /**
     * The predecessor's hash goes into the stored metadata as well as into a field: readers (aggregates, processors,
     * the audit) find it in the metadata without a second deserialization, and the verifier reads the field
     * without deserializing at all.
     */
    static Document event(DomainEventMessage<?> event, long globalIndex, long reservedAt, Serializer serializer,
                          String previousHash) {
        DomainEventMessage<?> chained = previousHash == null
                ? event : event.andMetaData(Map.of(HashChain.PREVIOUS_HASH, previousHash));
        Document document = entry(chained, serializer);
        if (previousHash != null) {
            document.append(PREVIOUS_HASH, previousHash);
        }
        return document
                .append(HASH, HashChain.hash(document))
                .append(ID, globalIndex)
                .append(KEY, key(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append(RESERVED_AT, reservedAt);
    }

    static String hash(Document event) {
        return event.getString(HASH);
    }

    /**
     * Fills a global index that will never hold an event, so readers pass it at once instead of waiting for the
     * gap to time out. Its key is a number, which no aggregate key (a string) can ever equal.
     */
    static Document tombstone(long globalIndex, long reservedAt) {
        return new Document(ID, globalIndex).append(KEY, globalIndex).append(TOMBSTONE, true)
                .append(RESERVED_AT, reservedAt);
    }

    static boolean isTombstone(Document document) {
        return document.getBoolean(TOMBSTONE, false);
    }

    static long globalIndex(Document document) {
        return document.getLong(ID);
    }

    static long reservedAt(Document document) {
        return document.getLong(RESERVED_AT);
    }

    static Instant timestamp(Document document) {
        return Instant.parse(document.getString(TIMESTAMP));
    }

    static Document snapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        return entry(snapshot, serializer).append(ID, snapshot.getAggregateIdentifier());
    }

    static DomainEventData<String> toEntry(Document document) {
        return new GenericDomainEventEntry<>(
                document.getString(TYPE),
                document.getString(AGGREGATE),
                document.getLong(SEQUENCE),
                document.getString(EVENT_ID),
                document.getString(TIMESTAMP),
                document.getString(PAYLOAD_TYPE),
                document.getString(PAYLOAD_REVISION),
                document.getString(PAYLOAD),
                document.getString(META_DATA));
    }

    private static Document entry(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        // Instant.toString keeps Axon's nanosecond precision, and ISO strings sort like the instants they denote.
        return new Document()
                .append(AGGREGATE, event.getAggregateIdentifier())
                .append(SEQUENCE, event.getSequenceNumber())
                .append(TYPE, event.getType())
                .append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, event.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
    }
}
