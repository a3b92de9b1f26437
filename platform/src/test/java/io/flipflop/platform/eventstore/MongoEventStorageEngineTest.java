package io.flipflop.platform.eventstore;

import io.flipflop.platform.eventstore.EventStoreFixture.Happened;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.flipflop.platform.eventstore.EventStoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MongoEventStorageEngineTest {

    private final EventStoreFixture fixture = new EventStoreFixture();

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Test
    void appendedEventsLoadBackInOrder() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.batchSize(7));
        appendOneByOne(engine, "a", 0, 25);
        appendOneByOne(engine, "b", 0, 3);

        assertThat(steps(engine.readEvents("a").asStream().toList())).containsExactlyElementsOf(range(0, 25));
        assertThat(steps(engine.readEvents("a", 20).asStream().toList())).containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(engine.readEvents("b").asStream().toList())
                .allSatisfy(event -> assertThat(event.getAggregateIdentifier()).isEqualTo("b"))
                .extracting(DomainEventMessage::getTimestamp).isSorted();
        assertThat(engine.lastSequenceNumberFor("a")).contains(24L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    /**
     * A load asks first for the sequence numbers up to the newest event this node knows (plus a margin), then, if all
     * of those exist, for the rest of the batch: events another node appended since are loaded all the same.
     */
    @Test
    void aLoadFindsEventsAppendedBeyondWhatThisNodeKnows() {
        MongoEventStorageEngine knowing = fixture.engine();
        appendOneByOne(knowing, "a", 0, 5);
        MongoEventStorageEngine other = fixture.engine(builder -> builder.batchSize(7));
        assertThat(other.readEvents("a").asStream().count()).isEqualTo(5);
        appendOneByOne(other, "a", 5, 60);

        assertThat(steps(knowing.readEvents("a").asStream().toList())).containsExactlyElementsOf(range(0, 60));
        assertThat(steps(other.readEvents("a", 3).asStream().toList())).containsExactlyElementsOf(range(3, 60));
        fixture.takeFindFilters();
        knowing.readEvents("a", 59).asStream().count();
        assertThat(fixture.takeFindFilters()).as("a known aggregate's tail in one lookup").hasSize(1);
    }

    @Test
    void timestampsKeepAxonsPrecision() {
        MongoEventStorageEngine engine = fixture.engine();
        DomainEventMessage<Happened> event = event("a", 0);
        engine.appendEvents(event);

        assertThat(engine.readEvents("a").next().getTimestamp()).isEqualTo(event.getTimestamp());
    }

    @Test
    void anAggregateLoadsFromItsLatestSnapshotAndTheEventsAfterIt() {
        MongoEventStorageEngine engine = fixture.engine();
        appendOneByOne(engine, "a", 0, 12);
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 9, new Happened("a", 9)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 4, new Happened("a", 4)));

        Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot("a");
        assertThat(snapshot).map(DomainEventMessage::getSequenceNumber).contains(9L);
        assertThat(steps(engine.readEvents("a", 10).asStream().toList())).containsExactly(10L, 11L);
    }

    @Test
    void ofTwoNodesAppendingTheSameSequenceExactlyOneWinsAndTheOtherGetsAConcurrencyException()
            throws Exception {
        MongoEventStorageEngine first = fixture.engine();
        MongoEventStorageEngine second = fixture.engine();
        int aggregates = 20;
        for (int i = 0; i < aggregates; i++) {
            first.appendEvents(event("race-" + i, 0));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int wins = 0;
        int conflicts = 0;
        try {
            for (int i = 0; i < aggregates; i++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (MongoEventStorageEngine node : List.of(first, second)) {
                    String thing = "race-" + i;
                    Callable<Boolean> append = () -> {
                        start.await();
                        try {
                            node.appendEvents(event(thing, 1));
                            return true;
                        } catch (ConcurrencyException e) {
                            return false;
                        }
                    };
                    outcomes.add(threads.submit(append));
                }
                start.countDown();
                for (Future<Boolean> outcome : outcomes) {
                    if (outcome.get()) {
                        wins++;
                    } else {
                        conflicts++;
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(wins).isEqualTo(aggregates);
        assertThat(conflicts).isEqualTo(aggregates);
        List<TrackedEventMessage<?>> stream = readAll(first, null);
        assertThat(stream).hasSize(2 * aggregates);
        assertThat(stream.stream().map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier() + "/"
                + ((DomainEventMessage<?>) e).getSequenceNumber()).distinct()).hasSize(2 * aggregates);
    }

    @Test
    void aLostCreationIsAnAggregateStreamCreationConflict() {
        MongoEventStorageEngine engine = fixture.engine();
        engine.appendEvents(event("a", 0));

        assertThatThrownBy(() -> fixture.engine().appendEvents(event("a", 0)))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    @Test
    void aBatchThatLosesOnOneAggregateLeavesNoEventOfAnother() {
        MongoEventStorageEngine engine = fixture.engine();
        appendOneByOne(engine, "a", 0, 2);

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("b", 0), event("b", 1), event("a", 1))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("b").asStream()).isEmpty();
        engine.appendEvents(event("b", 0));
        assertThat(steps(readAll(engine, null))).containsExactly(0L, 1L, 0L);
    }

    @Test
    void aConflictLeavesTombstonesThatReadersPassWithoutAGap() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.maxIndexBlock(1));
        appendOneByOne(engine, "a", 0, 2);
        TrackingToken afterSecond = readAll(engine, null).get(1).trackingToken();
        assertThatThrownBy(() -> fixture.engine().appendEvents(event("a", 1), event("a", 2)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("a", 2));

        List<TrackedEventMessage<?>> read = readAll(engine, afterSecond);

        assertThat(steps(read)).containsExactly(2L);
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(5);
        assertThat(token.getGaps()).isEmpty();
    }

    @Test
    void anAppendWhoseIndexIsAlreadyUsedIsWrittenAtAFreshOne() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.maxIndexBlock(1));
        engine.appendEvents(event("a", 0));
        // the index its next append reserves was handed out before (the counter's $inc was not atomic)
        fixture.database().getCollection(MongoEventStorageEngine.EVENTS_COLLECTION)
                .insertOne(EventDocuments.tombstone(2, System.currentTimeMillis()));

        engine.appendEvents(event("a", 1));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(steps(read)).containsExactly(0L, 1L);
        assertThat(((GapAwareTrackingToken) read.get(1).trackingToken()).getIndex()).isEqualTo(3);
    }

    @Test
    void aCounterBehindTheEventsFailsTheAppendAfterThreeFreshBlocksAndLeavesTheEventsAlone() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.maxIndexBlock(1));
        appendOneByOne(engine, "a", 0, 6);
        fixture.database().getCollection(MongoEventStorageEngine.COUNTERS_COLLECTION).updateOne(
                new Document("_id", MongoEventStorageEngine.GLOBAL_INDEX_COUNTER),
                new Document("$set", new Document("value", 0L)));

        assertThatThrownBy(() -> fixture.engine(builder -> builder.maxIndexBlock(1)).appendEvents(event("b", 0)))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("is behind the events");

        assertThat(steps(readAll(engine, null))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aBlockReservedByADeadWriterNeitherStallsTheReaderNorStaysInItsToken() throws Exception {
        Duration gapTimeout = Duration.ofMillis(300);
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.maxIndexBlock(1)
                .gapTimeout(gapTimeout).indexLease(Duration.ofMillis(50)));
        engine.appendEvents(event("a", 0));
        TrackingToken afterFirst = readAll(engine, null).get(0).trackingToken();
        fixture.database().getCollection(MongoEventStorageEngine.COUNTERS_COLLECTION).updateOne(
                new Document("_id", MongoEventStorageEngine.GLOBAL_INDEX_COUNTER),
                new Document("$inc", new Document("value", 250L)));
        engine.appendEvents(event("a", 1));

        List<TrackedEventMessage<?>> read = readAll(engine, afterFirst);
        assertThat(steps(read)).containsExactly(1L);
        GapAwareTrackingToken pastDeadBlock = (GapAwareTrackingToken) read.get(0).trackingToken();
        assertThat(pastDeadBlock.getIndex()).isEqualTo(252);
        assertThat(pastDeadBlock.getGaps()).hasSize(250);

        Thread.sleep(gapTimeout.toMillis() + 100);
        engine.appendEvents(event("a", 2));
        List<TrackedEventMessage<?>> later = readAll(engine, pastDeadBlock);
        assertThat(steps(later)).containsExactly(2L);
        assertThat(((GapAwareTrackingToken) later.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aFreshReaderFromTheTailReplaysEverythingInGlobalOrder() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.batchSize(10));
        List<String> appended = new ArrayList<>();
        for (int step = 0; step < 15; step++) {
            for (String thing : List.of("x", "y", "z")) {
                DomainEventMessage<Happened> event = event(thing, step);
                engine.appendEvents(event);
                appended.add(event.getIdentifier());
            }
        }
        engine.appendEvents(GenericEventMessage.asEventMessage("not from an aggregate"));

        List<TrackedEventMessage<?>> replay = readAll(engine, engine.createTailToken());

        assertThat(replay).hasSize(46);
        assertThat(replay.subList(0, 45)).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(appended);
        assertThat(replay.get(45).getPayload()).isEqualTo("not from an aggregate");
        assertThat(replay).extracting(event -> event.trackingToken().position().getAsLong()).isSorted();
    }

    @Test
    void headAndInstantTokensStartWhereAsked() throws Exception {
        MongoEventStorageEngine engine = fixture.engine();
        appendOneByOne(engine, "a", 0, 5);
        Thread.sleep(20);
        java.time.Instant middle = java.time.Instant.now();
        Thread.sleep(20);
        appendOneByOne(engine, "a", 5, 10);
        TrackingToken head = engine.createHeadToken();
        appendOneByOne(engine, "a", 10, 12);

        assertThat(steps(readAll(engine, engine.createTokenAt(middle)))).containsExactlyElementsOf(range(5, 12));
        assertThat(steps(readAll(engine, head))).containsExactly(10L, 11L);
    }

    @Test
    void aCaughtUpReaderLooksOnlyALittlePastTheNewestEventItKnows() {
        MongoEventStorageEngine engine = fixture.engine();
        appendOneByOne(engine, "a", 0, 3);
        TrackingToken caughtUp = readAll(engine, null).get(2).trackingToken();
        engine.appendEvents(event("a", 3));
        fixture.takeFindFilters();

        assertThat(steps(readAll(engine, caughtUp))).containsExactly(3L);
        // the new event and LOOK_AHEAD indexes past it, not a whole batch of 100 lookups
        Document first = fixture.takeFindFilters().get(0);
        assertThat(first.get("_id", Document.class).getList("$in", Object.class))
                .hasSize(1 + MongoEventStorageEngine.LOOK_AHEAD);
    }

    @Test
    void aCaughtUpReaderDoesNotReadTheIndexesItsNodeHasNotHandedOut() {
        MongoEventStorageEngine engine = fixture.engine();
        appendOneByOne(engine, "a", 0, 40); // blocks grow, so indexes past the newest event are reserved
        List<TrackedEventMessage<?>> all = readAll(engine, null);
        fixture.takeFindFilters();

        assertThat(readAll(engine, all.get(all.size() - 1).trackingToken())).isEmpty();
        List<Document> reads = fixture.takeFindFilters().stream() // event reads; the counter is read by its _id
                .filter(filter -> filter.get("_id") instanceof Document).toList();
        assertThat(reads).as("the look-ahead window only").hasSize(1);
        assertThat(reads.get(0).get("_id", Document.class).getList("$in", Object.class))
                .hasSize(MongoEventStorageEngine.LOOK_AHEAD);
    }

    @Test
    void aCaughtUpReaderFetchesAgainNoSoonerThanTheIntervalAfterItsLastFetch() {
        Duration interval = Duration.ofMillis(300);
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.caughtUpFetchInterval(interval));
        appendOneByOne(engine, "a", 0, 3);
        long beforeCatchingUp = System.nanoTime(); // the reader's pause counts from a moment after this one
        List<? extends TrackedEventData<?>> caughtUp = engine.fetchTrackedEvents(null, 100);
        engine.appendEvents(event("a", 3));

        List<? extends TrackedEventData<?>> next = engine.fetchTrackedEvents(
                caughtUp.get(caughtUp.size() - 1).trackingToken(), 100);

        assertThat(next).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - beforeCatchingUp)).isGreaterThanOrEqualTo(interval);
    }

    /**
     * With an interval far longer than the test may take, neither a reader behind nor another reader waits. One index
     * per append, so no tombstone shortens a batch.
     */
    @Test
    void aReaderThatFetchedAWholeBatchAndAnotherReaderFetchAtOnce() throws Exception {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.maxIndexBlock(1)
                .caughtUpFetchInterval(Duration.ofHours(1)));
        appendOneByOne(engine, "a", 0, 12);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<? extends TrackedEventData<?>> whole = engine.fetchTrackedEvents(null, 5);
            List<? extends TrackedEventData<?>> next = engine.fetchTrackedEvents(whole.get(4).trackingToken(), 5);
            List<? extends TrackedEventData<?>> last = engine.fetchTrackedEvents(next.get(4).trackingToken(), 5);
            assertThat(last).as("caught up on this thread").hasSize(2);
            ExecutorService another = Executors.newSingleThreadExecutor();
            try {
                assertThat(another.submit(() -> engine.fetchTrackedEvents(next.get(4).trackingToken(), 5)).get())
                        .hasSize(2);
            } finally {
                another.shutdown();
            }
        });
    }

    @Test
    void aReaderFindsAnotherNodesEventsFarBeyondItsLookAhead() {
        MongoEventStorageEngine mine = fixture.engine();
        MongoEventStorageEngine other = fixture.engine();
        appendOneByOne(mine, "a", 0, 2);
        TrackingToken caughtUp = readAll(mine, null).get(1).trackingToken();
        fixture.database().getCollection(MongoEventStorageEngine.COUNTERS_COLLECTION).updateOne(
                new Document("_id", MongoEventStorageEngine.GLOBAL_INDEX_COUNTER),
                new Document("$inc", new Document("value", 250L)));
        appendOneByOne(other, "b", 0, 30);

        List<TrackedEventMessage<?>> read = readAll(mine, caughtUp);

        assertThat(read).extracting(event -> ((Happened) event.getPayload()).thing()).containsOnly("b");
        assertThat(steps(read)).containsExactlyElementsOf(range(0, 30));
    }

    @Test
    void loadsAndTrackingReadsAreLookupsOnUniqueKeysOnly() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.batchSize(10));
        appendOneByOne(engine, "a", 0, 35);
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 20, new Happened("a", 20)));
        fixture.takeFindFilters();

        engine.readEvents("a").asStream().count();
        engine.readSnapshot("a");
        engine.readEvents("a", 21).asStream().count();
        engine.lastSequenceNumberFor("a");
        readAll(engine, null);

        List<Document> filters = fixture.takeFindFilters();
        assertThat(filters).isNotEmpty().allSatisfy(filter -> {
            assertThat(filter.keySet()).hasSize(1).first().isIn("_id", "k");
            Object condition = filter.values().iterator().next();
            if (condition instanceof Document operator) {
                assertThat(operator.keySet()).containsExactly("$in");
            }
        });
    }

    private static void appendOneByOne(MongoEventStorageEngine engine, String thing, long from, long to) {
        for (long step = from; step < to; step++) {
            engine.appendEvents(event(thing, step));
        }
    }

    static List<TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    private static List<Long> steps(List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
        return events.stream().map(event -> ((Happened) event.getPayload()).step()).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
