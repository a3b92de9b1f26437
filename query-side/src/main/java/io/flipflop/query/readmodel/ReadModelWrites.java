package io.flipflop.query.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How projections write read models. Every write is keyed by {@code _id} and guarded by the aggregate sequence
 * number of the last event applied to the document ({@code version}), so a redelivered or replayed event
 * changes nothing and an older event never overwrites a newer one.
 * <p>
 * A write runs at once ({@link #await}, {@link #awaitUnlessStale}) or is queued with the rest of its batch
 * ({@link #queue}): the read-model processor handles events in batches, one unit of work each, and
 * {@link #SEND_QUEUED_AFTER_BATCH} sends a batch's queued writes after its last event, one ordered bulk write per
 * collection, before the processor stores its token. One round trip per event and read model kept the processor's
 * one thread from keeping up with the commands (measured in the platform benchmark, sixth session). Queued and
 * immediate writes keep their order: a write run at once first sends what is queued. Reads are not ordered with
 * queued writes, so a projection queues only writes to collections that projections do not read.
 */
public final class ReadModelWrites {

    /** The unit of work resource that marks a batch whose queued writes {@link #SEND_QUEUED_AFTER_BATCH} sends. */
    private static final String QUEUE = ReadModelWrites.class.getName() + ".queue";

    /**
     * Lets the handlers of a batch queue their writes and sends them after the batch's last event. The processor
     * handles the batch in one unit of work and stores its token when that commits, so a failed send fails the
     * batch, which is then handled again from the stored token (the writes are idempotent).
     */
    public static final MessageHandlerInterceptor<EventMessage<?>> SEND_QUEUED_AFTER_BATCH =
            ReadModelWrites::sendQueuedAfterBatch;

    /** The aggregate sequence number of the last event applied to a read-model document. */
    public static final String VERSION = "version";

    /** A write that outlives this is stuck; failing hands the event back to the processor, which retries. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ReadModelWrites() {
    }

    /**
     * Runs a write on the calling event processor thread. Blocking is right here: handlers run on processor
     * threads, never on the HTTP event loop, and the processor must not advance its token past an event before
     * the event's write is stored.
     */
    public static void await(Publisher<?> write) {
        sendQueued();
        Mono.from(write).block(TIMEOUT);
    }

    /**
     * Runs an upsert whose filter matches only when the event is newer than the stored document. When the
     * document exists but is as new or newer, the upsert tries to insert a second document with the same
     * {@code _id}; that duplicate key means "already applied" and is ignored.
     */
    public static void awaitUnlessStale(Publisher<?> upsert) {
        sendQueued();
        Mono.from(upsert)
                .onErrorResume(ReadModelWrites::isDuplicateKey, duplicate -> Mono.empty())
                .block(TIMEOUT);
    }

    /**
     * Queues a {@code $set} of one document to be sent with the rest of the batch; runs it at once when no batch is
     * being handled with {@link #SEND_QUEUED_AFTER_BATCH}, as when a test calls a handler.
     * <p>
     * The filter is the document's {@code _id} and a guard that matches only while the stored document is older
     * than the event the write applies (an upsert then collides on {@code _id} with a newer document, which means
     * "already applied", as in {@link #awaitUnlessStale}). The writes queued for one document in one batch are sent
     * as one: every {@code $set} in their order, under the newest write's filter. That gives the document the state
     * their one-by-one application would, whatever version it stored: a field takes the value of the batch's
     * newest write that sets it, and where the stored version is newer than that write, the stored field holds that
     * value already, because the batch holds every event of the document's aggregate between its first and its
     * newest (the processor reads the events in order, and a write run at once sends the queue first, so no write
     * of another kind falls between two merged ones). One aggregate with a burst of events, a member renamed again
     * and again, so costs a batch one write per document instead of one per event.
     *
     * @param olderThanThisEvent the document's {@code _id} and the guard described above
     * @param sets               {@code $set} updates
     */
    public static void queue(MongoCollection<Document> collection, Object id, Bson olderThanThisEvent,
                             List<Bson> sets, boolean upsert) {
        Write write = new Write(olderThanThisEvent, sets, upsert);
        Map<QueuedKey, Queued> queued = queueOfThisBatch();
        if (queued == null) {
            awaitUnlessStale(collection.bulkWrite(List.of(new Queued(collection, List.of(write)).model())));
        } else {
            queued.computeIfAbsent(new QueuedKey(collection.getNamespace(), id),
                    key -> new Queued(collection, new ArrayList<>())).writes().add(write);
        }
    }

    private static Object sendQueuedAfterBatch(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                               InterceptorChain chain) throws Exception {
        unitOfWork.root().getOrComputeResource(QUEUE, key -> new LinkedHashMap<QueuedKey, Queued>());
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            sendQueued();
        }
        return result;
    }

    private static Map<QueuedKey, Queued> queueOfThisBatch() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(QUEUE) : null;
    }

    /** Sends the queued writes: per collection one ordered bulk write, the collections concurrently. */
    private static void sendQueued() {
        Map<QueuedKey, Queued> queued = queueOfThisBatch();
        if (queued == null || queued.isEmpty()) {
            return;
        }
        Map<MongoNamespace, List<Queued>> byCollection = new LinkedHashMap<>();
        queued.forEach((key, write) -> byCollection.computeIfAbsent(key.collection(), name -> new ArrayList<>())
                .add(write));
        queued.clear();
        Flux.fromIterable(byCollection.values())
                .flatMap(writes -> sendFrom(writes.get(0).collection(), writes))
                .then().block(TIMEOUT);
    }

    /**
     * An ordered bulk write stops at its first error; a duplicate key there is an upsert already applied, so the
     * writes after it are sent on. The embedded server does not stop: it goes on and reports every error, so a
     * batch handled again, whose upserts were applied already, fails with several duplicate keys. The writes after
     * the first are sent again then, which changes nothing: every write is guarded by its version.
     * <p>
     * A merged write that meets a duplicate key is sent again as the writes it was merged from, each under its own
     * guard, so merging never loses a write that sending them one by one would have made (as it would where the
     * writes' guards were not of one kind, against the contract of {@link #queue}).
     */
    private static Mono<Void> sendFrom(MongoCollection<Document> collection, List<Queued> writes) {
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(collection.bulkWrite(writes.stream().map(Queued::model).toList(),
                        new BulkWriteOptions().ordered(true))).then()
                .onErrorResume(ReadModelWrites::isDuplicateKeysOnly, stopped -> {
                    int failed = ((MongoBulkWriteException) stopped).getWriteErrors().get(0).getIndex();
                    List<Queued> rest = new ArrayList<>(writes.get(failed).partsIfMerged());
                    rest.addAll(writes.subList(failed + 1, writes.size()));
                    return sendFrom(collection, rest);
                });
    }

    /** A date field of a read-model document as an instant; null when unset. */
    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                || isDuplicateKeysOnly(failure);
    }

    private static boolean isDuplicateKeysOnly(Throwable failure) {
        return failure instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                && bulk.getWriteConcernError() == null && bulk.getWriteErrors().stream().allMatch(
                        error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    private record QueuedKey(MongoNamespace collection, Object id) {
    }

    /**
     * What is queued for one document: the writes of the batch, in order (appended as they are queued), sent as one
     * (see {@link #queue}).
     */
    private record Queued(MongoCollection<Document> collection, List<Write> writes) {

        /** Every write's {@code $set}s in order, under the newest write's filter. */
        WriteModel<Document> model() {
            Write newest = writes.get(writes.size() - 1);
            return new UpdateOneModel<>(newest.filter(),
                    Updates.combine(writes.stream().flatMap(write -> write.sets().stream()).toList()),
                    new UpdateOptions().upsert(writes.stream().anyMatch(Write::upsert)));
        }

        /** Each write alone, when several were merged; none for a single write. */
        List<Queued> partsIfMerged() {
            return writes.size() == 1 ? List.of()
                    : writes.stream().map(write -> new Queued(collection, List.of(write))).toList();
        }
    }

    private record Write(Bson filter, List<Bson> sets, boolean upsert) {
    }
}
