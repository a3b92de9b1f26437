package io.flipflop.query.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.query.testsupport.TestDatabases;
import java.util.Iterator;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadModelWritesTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = databases.fresh();
    }

    @Test
    void aBatchsQueuedWritesAreSentAfterItsLastEventInTheirOrder() {
        List<List<Document>> seenDuringTheBatch = new java.util.ArrayList<>();

        ResultMessage<?> handled = handleBatch(
                () -> name(1, "first"),
                () -> {
                    seenDuringTheBatch.add(documents(database, "names"));
                    name(1, "second");
                },
                () -> name(other(), 7, "elsewhere"));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(seenDuringTheBatch).containsExactly(List.of());
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("name", "second"));
        assertThat(documents(database, "other")).containsExactly(new Document("_id", 7L).append("name", "elsewhere"));
    }

    @Test
    void aWriteRunAtOnceFirstSendsWhatIsQueued() {
        handleBatch(
                () -> name(1, "queued"),
                () -> ReadModelWrites.await(names().updateOne(eq("_id", 1L), set("name", "at once"))));

        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("name", "at once"));
    }

    /** As with {@link ReadModelWrites#awaitUnlessStale}: an upsert of a stale event hits the newer document's key. */
    @Test
    void anUpsertAlreadyAppliedIsSkippedAndTheWritesAfterItAreSent() {
        ReadModelWrites.await(names().insertOne(new Document("_id", 1L).append("version", 5L)));

        ResultMessage<?> handled = handleBatch(
                () -> stale(1),
                () -> name(2, "after the stale one"));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("version", 5L),
                new Document("_id", 2L).append("name", "after the stale one"));
    }

    /**
     * A batch handled again (its token was not stored) finds several of its upserts applied already. The embedded
     * server goes on past the first error of an ordered bulk write and reports every duplicate key; a real MongoDB
     * stops at the first.
     */
    @Test
    void aBatchWithSeveralUpsertsAlreadyAppliedIsSkippedPastThemAll() {
        ReadModelWrites.await(names().insertOne(new Document("_id", 1L).append("version", 5L)));
        ReadModelWrites.await(names().insertOne(new Document("_id", 2L).append("version", 5L)));

        ResultMessage<?> handled = handleBatch(
                () -> stale(1),
                () -> stale(2),
                () -> stale(1),
                () -> name(3, "after the stale ones"));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("version", 5L),
                new Document("_id", 2L).append("version", 5L),
                new Document("_id", 3L).append("name", "after the stale ones"));
    }

    /** The batch is then handled again from the processor's stored token, which was not moved past it. */
    @Test
    void aFailedSendFailsTheBatch() {
        ReadModelWrites.await(names().insertOne(new Document("_id", 1L)));

        ResultMessage<?> handled = handleBatch(
                () -> ReadModelWrites.queue(names(), 1L, eq("_id", 1L), List.of(set("_id", 2L)), false));

        assertThat(handled.isExceptional()).as("changing _id is refused").isTrue();
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L));
    }

    @Test
    void theWritesOfOneDocumentInABatchAreSentAsOneWithTheStateTheirOrderGives() {
        long before = databases.updateStatementsSent();

        ResultMessage<?> handled = handleBatch(
                () -> versioned(1, 1, set("name", "a"), set("image", "x")),
                () -> versioned(2, 1, set("name", "other")),
                () -> versioned(1, 2, set("name", "b")),
                () -> versioned(1, 3, set("image", "y")),
                () -> versioned(1, 4, set("name", "c")));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(databases.updateStatementsSent() - before).as("one update per document").isEqualTo(2);
        assertThat(documents(database, "names")).containsExactly(
                new Document("_id", 1L).append("name", "c").append("image", "y").append("version", 4L),
                new Document("_id", 2L).append("name", "other").append("version", 1L));
    }

    /**
     * A batch handled again after some of its writes were stored (as when the processor failed before storing its
     * token) leaves the document as applying them one by one would: those newer than the stored version.
     */
    @Test
    void mergedWritesOfADocumentStoredPartlyGiveItTheStateOfTheirNewestWrites() {
        handleBatch(() -> versioned(1, 1, set("name", "a"), set("image", "x")),
                () -> versioned(1, 2, set("name", "b")));

        handleBatch(
                () -> versioned(1, 1, set("name", "a"), set("image", "x")),
                () -> versioned(1, 2, set("name", "b")),
                () -> versioned(1, 3, set("image", "y")));

        assertThat(documents(database, "names")).containsExactly(
                new Document("_id", 1L).append("name", "b").append("image", "y").append("version", 3L));
    }

    @Test
    void mergedWritesAllOlderThanTheStoredDocumentChangeNothing() {
        ReadModelWrites.await(names().insertOne(new Document("_id", 1L).append("name", "newer").append("version", 9L)));

        ResultMessage<?> handled = handleBatch(
                () -> versioned(1, 1, set("name", "a")),
                () -> versioned(1, 2, set("name", "b")));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(documents(database, "names")).containsExactly(
                new Document("_id", 1L).append("name", "newer").append("version", 9L));
    }

    /**
     * Outside {@link ReadModelWrites#queue}'s contract, writes of one document whose guards differ in kind: merged,
     * the newest guard finds the document newer, and the writes are then sent one by one, each under its own guard.
     */
    @Test
    void aMergedWriteThatMeetsANewerDocumentIsSentAgainAsItsParts() {
        ReadModelWrites.await(names().insertOne(new Document("_id", 1L).append("b", 5L)));

        ResultMessage<?> handled = handleBatch(
                () -> ReadModelWrites.queue(names(), 1L, and(eq("_id", 1L), exists("a", false)),
                        List.of(set("a", 1L)), true),
                () -> ReadModelWrites.queue(names(), 1L, and(eq("_id", 1L), lt("b", 3L)),
                        List.of(set("b", 3L)), true));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("b", 5L)
                .append("a", 1L));
    }

    @Test
    void outsideABatchAQueuedWriteRunsAtOnce() {
        name(3, "at once");

        assertThat(documents(database, "names")).containsExactly(new Document("_id", 3L).append("name", "at once"));
    }

    private com.mongodb.reactivestreams.client.MongoCollection<Document> names() {
        return database.getCollection("names");
    }

    private com.mongodb.reactivestreams.client.MongoCollection<Document> other() {
        return database.getCollection("other");
    }

    /** Queues an upsert of an event older than the document's version 5. */
    private void stale(long id) {
        ReadModelWrites.queue(names(), id, and(eq("_id", id), lt("version", 3L)), List.of(set("name", "stale")), true);
    }

    private void name(long id, String name) {
        name(names(), id, name);
    }

    private static void name(com.mongodb.reactivestreams.client.MongoCollection<Document> collection, long id,
                             String name) {
        ReadModelWrites.queue(collection, id, eq("_id", id), List.of(set("name", name)), true);
    }

    /** Queues the writes of a versioned document's event: what it sets, guarded by the event's version. */
    private void versioned(long id, long version, Bson... sets) {
        List<Bson> all = new java.util.ArrayList<>(List.of(sets));
        all.add(set("version", version));
        ReadModelWrites.queue(names(), id, and(eq("_id", id), lt("version", version)), all, true);
    }

    /** One unit of work for the batch, the interceptor around each event's handler, as the processor runs them. */
    private static ResultMessage<?> handleBatch(Runnable... handlers) {
        List<EventMessage<?>> events = java.util.Arrays.stream(handlers)
                .<EventMessage<?>>map(handler -> GenericEventMessage.asEventMessage("event")).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        Iterator<Runnable> next = List.of(handlers).iterator();
        return batch.executeWithResult(() -> ReadModelWrites.SEND_QUEUED_AFTER_BATCH.handle(batch, () -> {
            next.next().run();
            return null;
        }));
    }
}
