package io.flipflop.query.webhook;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.flipflop.api.webhook.CallbackDelivery;
import io.flipflop.api.webhook.DeliveryAttempt;
import io.flipflop.api.webhook.DeliveryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The durable state of webhook delivery, in two collections:
 * <ul>
 *   <li>{@value #DELIVERIES}: one record per delivery, the delivery log: {@code {_id: deliveryId, appId, type,
 *   resourceId, position, body, state, createdAt, nextAttemptAt, attempts: [{attemptedAt, statusCode, error,
 *   durationMs}]}}. {@code body} is the exact JSON sent, so every attempt sends the same bytes.</li>
 *   <li>{@value #OUTBOX}: one small document per PENDING delivery, {@code {_id: deliveryId, resourceId, position,
 *   nextAttemptAt}}, which dispatchers read whole on every round. Kept apart so that round reads only what is
 *   pending however long the log grows (the embedded server scans for anything but {@code _id}).</li>
 * </ul>
 * {@code position} is the global index of the event the delivery came from: within a resource, the lowest pending
 * one is sent first and alone. Every write is idempotent, so a redelivered event or a repeated attempt record
 * does no harm; an outbox entry whose record is no longer PENDING is simply dropped by the dispatcher.
 */
@Component
public class DeliveryRecords {

    static final String DELIVERIES = "webhook_deliveries";
    static final String OUTBOX = "webhook_outbox";
    static final String APP_ID = "appId";
    static final String TYPE = "type";
    static final String RESOURCE_ID = "resourceId";
    static final String POSITION = "position";
    static final String BODY = "body";
    static final String STATE = "state";
    static final String CREATED_AT = "createdAt";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String ATTEMPTS = "attempts";
    private static final String ATTEMPTED_AT = "attemptedAt";
    private static final String STATUS_CODE = "statusCode";
    private static final String ERROR = "error";
    private static final String DURATION_MS = "durationMs";

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> outbox;

    public DeliveryRecords(MongoDatabase database) {
        this.deliveries = database.getCollection(DELIVERIES);
        this.outbox = database.getCollection(OUTBOX);
        // For a real MongoDB (the delivery log's query); the embedded server ignores secondary indexes.
        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending(APP_ID), Indexes.descending(POSITION)));
    }

    /** Records a new PENDING delivery, due at once; a second call for the same id changes nothing. */
    void add(String deliveryId, long appId, CallbackNotice notice, String body, long position, Instant now) {
        Date due = Date.from(now);
        insertOnce(deliveries, new Document("_id", deliveryId)
                .append(APP_ID, appId)
                .append(TYPE, notice.type())
                .append(RESOURCE_ID, notice.resourceId())
                .append(POSITION, position)
                .append(BODY, body)
                .append(STATE, DeliveryState.PENDING.name())
                .append(CREATED_AT, due)
                .append(NEXT_ATTEMPT_AT, due)
                .append(ATTEMPTS, List.of()));
        insertOnce(outbox, new Document("_id", deliveryId)
                .append(RESOURCE_ID, notice.resourceId())
                .append(POSITION, position)
                .append(NEXT_ATTEMPT_AT, due));
    }

    /** Per resource, its oldest pending delivery if that one is due: what may be sent now, at most one per resource. */
    List<Document> dueHeads(Instant now) {
        Map<String, Document> heads = new HashMap<>();
        for (Document pending : outbox.find()) {
            heads.merge(pending.getString(RESOURCE_ID), pending,
                    (a, b) -> a.getLong(POSITION) <= b.getLong(POSITION) ? a : b);
        }
        List<Document> due = new ArrayList<>();
        for (Document head : heads.values()) {
            if (!head.getDate(NEXT_ATTEMPT_AT).toInstant().isAfter(now)) {
                due.add(head);
            }
        }
        return due;
    }

    /**
     * Takes a due head for one attempt: moves its due time past the lease, and only if no other dispatcher moved
     * it first. Should this dispatcher die before recording the attempt, the delivery is due again after the lease.
     */
    boolean claim(Document head, Instant leaseEnd) {
        return outbox.findOneAndUpdate(
                and(eq("_id", head.getString("_id")), eq(NEXT_ATTEMPT_AT, head.getDate(NEXT_ATTEMPT_AT))),
                set(NEXT_ATTEMPT_AT, Date.from(leaseEnd))) != null;
    }

    Document delivery(String deliveryId) {
        return deliveries.find(eq("_id", deliveryId)).first();
    }

    /** Ends the delivery (DELIVERED or FAILED) with its last attempt, and takes it out of the outbox. */
    void finish(String deliveryId, DeliveryState state, DeliveryAttempt attempt) {
        deliveries.updateOne(eq("_id", deliveryId), combine(push(ATTEMPTS, attemptDocument(attempt)),
                set(STATE, state.name()), set(NEXT_ATTEMPT_AT, null)));
        outbox.deleteOne(eq("_id", deliveryId));
    }

    void retryAt(String deliveryId, DeliveryAttempt attempt, Instant next) {
        Date due = Date.from(next);
        deliveries.updateOne(eq("_id", deliveryId), combine(push(ATTEMPTS, attemptDocument(attempt)),
                set(NEXT_ATTEMPT_AT, due)));
        outbox.updateOne(eq("_id", deliveryId), set(NEXT_ATTEMPT_AT, due));
    }

    /** For an outbox entry whose delivery has already ended (an event handled twice, a write lost half-way). */
    void dropFromOutbox(String deliveryId) {
        outbox.deleteOne(eq("_id", deliveryId));
    }

    /** Forgets ended deliveries created before {@code cutoff}; pending ones stay whatever their age. */
    void purgeEndedBefore(Instant cutoff) {
        deliveries.deleteMany(and(ne(STATE, DeliveryState.PENDING.name()), lt(CREATED_AT, Date.from(cutoff))));
    }

    /** A delivery record as the delivery log answers it. */
    static CallbackDelivery toView(Document delivery) {
        return new CallbackDelivery(delivery.getString("_id"), delivery.getString(TYPE),
                delivery.getString(RESOURCE_ID), DeliveryState.valueOf(delivery.getString(STATE)),
                instant(delivery.getDate(CREATED_AT)), instant(delivery.getDate(NEXT_ATTEMPT_AT)),
                delivery.getList(ATTEMPTS, Document.class).stream()
                        .map(attempt -> new DeliveryAttempt(instant(attempt.getDate(ATTEMPTED_AT)),
                                attempt.getInteger(STATUS_CODE), attempt.getString(ERROR),
                                attempt.get(DURATION_MS, Number.class).longValue()))
                        .toList());
    }

    private static Document attemptDocument(DeliveryAttempt attempt) {
        return new Document(ATTEMPTED_AT, Date.from(attempt.attemptedAt()))
                .append(STATUS_CODE, attempt.statusCode())
                .append(ERROR, attempt.error())
                .append(DURATION_MS, attempt.durationMs());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static void insertOnce(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
