package io.flipflop.query.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.query.testsupport.TestDatabases;
import java.util.Iterator;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
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
                () -> ReadModelWrites.queue(names(), name(1, "first")),
                () -> {
                    seenDuringTheBatch.add(documents(database, "names"));
                    ReadModelWrites.queue(names(), name(1, "second"));
                },
                () -> ReadModelWrites.queue(other(), name(7, "elsewhere")));

        assertThat(handled.isExceptional()).isFalse();
        assertThat(seenDuringTheBatch).containsExactly(List.of());
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("name", "second"));
        assertThat(documents(database, "other")).containsExactly(new Document("_id", 7L).append("name", "elsewhere"));
    }

    @Test
    void aWriteRunAtOnceFirstSendsWhatIsQueued() {
        handleBatch(
                () -> ReadModelWrites.queue(names(), name(1, "queued")),
                () -> ReadModelWrites.await(names().updateOne(eq("_id", 1L), set("name", "at once"))));

        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L).append("name", "at once"));
    }

    /** As with {@link ReadModelWrites#awaitUnlessStale}: an upsert of a stale event hits the newer document's key. */
    @Test
    void anUpsertAlreadyAppliedIsSkippedAndTheWritesAfterItAreSent() {
        ReadModelWrites.await(names().insertOne(new Document("_id", 1L).append("version", 5L)));

        ResultMessage<?> handled = handleBatch(
                () -> ReadModelWrites.queue(names(), new UpdateOneModel<>(and(eq("_id", 1L), lt("version", 3L)),
                        set("name", "stale"), new UpdateOptions().upsert(true))),
                () -> ReadModelWrites.queue(names(), name(2, "after the stale one")));

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
                () -> ReadModelWrites.queue(names(), stale(1)),
                () -> ReadModelWrites.queue(names(), stale(2)),
                () -> ReadModelWrites.queue(names(), stale(1)),
                () -> ReadModelWrites.queue(names(), name(3, "after the stale ones")));

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
                () -> ReadModelWrites.queue(names(), new UpdateOneModel<>(eq("_id", 1L), set("_id", 2L))));

        assertThat(handled.isExceptional()).as("changing _id is refused").isTrue();
        assertThat(documents(database, "names")).containsExactly(new Document("_id", 1L));
    }

    @Test
    void outsideABatchAQueuedWriteRunsAtOnce() {
        ReadModelWrites.queue(names(), name(3, "at once"));

        assertThat(documents(database, "names")).containsExactly(new Document("_id", 3L).append("name", "at once"));
    }

    private com.mongodb.reactivestreams.client.MongoCollection<Document> names() {
        return database.getCollection("names");
    }

    private com.mongodb.reactivestreams.client.MongoCollection<Document> other() {
        return database.getCollection("other");
    }

    /** An upsert of an event older than the document's version 5. */
    private static UpdateOneModel<Document> stale(long id) {
        return new UpdateOneModel<>(and(eq("_id", id), lt("version", 3L)), set("name", "stale"),
                new UpdateOptions().upsert(true));
    }

    private static UpdateOneModel<Document> name(long id, String name) {
        return new UpdateOneModel<>(eq("_id", id), set("name", name), new UpdateOptions().upsert(true));
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
