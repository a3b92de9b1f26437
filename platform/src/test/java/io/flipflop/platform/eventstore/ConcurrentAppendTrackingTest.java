package io.flipflop.platform.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.flipflop.platform.eventstore.EventStoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentAppendTrackingTest {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 500;
    private static final int AGGREGATES = 16;

    private final EventStoreFixture fixture = new EventStoreFixture();

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    /**
     * Eight writers on two nodes append to sixteen shared aggregates the way command handlers do (load, append the
     * next sequence, retry on conflict) while a reader on one node follows the stream.
     */
    @Test
    void aReaderFollowingConcurrentWritersOnTwoNodesGetsEveryEventOnceAndEachAggregateInOrder() throws Exception {
        List<EmbeddedEventStore> nodes = List.of(store(), store());
        int total = WRITERS * APPENDS_PER_WRITER;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<TrackedEventMessage<?>> received = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = nodes.get(0).openStream(null)) {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                EmbeddedEventStore node = nodes.get(writer % nodes.size());
                done.add(writers.submit(() -> appendLikeCommandHandlers(node, conflicts)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (received.size() < total && System.nanoTime() < deadline) {
                if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    received.add(stream.nextAvailable());
                }
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).as("no event twice").isFalse();
        } finally {
            writers.shutdownNow();
            nodes.forEach(EmbeddedEventStore::shutDown);
        }

        assertThat(received).hasSize(total);
        assertThat(received.stream().map(TrackedEventMessage::getIdentifier).distinct()).hasSize(total);
        Map<String, List<Long>> sequences = new HashMap<>();
        for (TrackedEventMessage<?> event : received) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            sequences.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                    .add(domainEvent.getSequenceNumber());
        }
        sequences.values().forEach(perAggregate -> assertThat(perAggregate)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, perAggregate.size()).boxed().toList()));
        assertThat(conflicts.get()).as("the writers did contend").isPositive();

        List<TrackedEventMessage<?>> replay = MongoEventStorageEngineTest.readAll(fixture.engine(), null);
        Set<String> replayed = new HashSet<>();
        replay.forEach(event -> replayed.add(event.getIdentifier()));
        assertThat(replay).hasSize(total);
        assertThat(replayed).hasSize(total);
    }

    private EmbeddedEventStore store() {
        return EmbeddedEventStore.builder().storageEngine(fixture.engine()).fetchDelay(20).build();
    }

    private static void appendLikeCommandHandlers(EmbeddedEventStore node, AtomicInteger conflicts) {
        int appended = 0;
        while (appended < APPENDS_PER_WRITER) {
            String aggregate = "thing-" + ThreadLocalRandom.current().nextInt(AGGREGATES);
            long next = node.readEvents(aggregate).asStream().count();
            try {
                node.publish(event(aggregate, next));
                appended++;
            } catch (ConcurrencyException | org.axonframework.modelling.command.AggregateStreamCreationException e) {
                conflicts.incrementAndGet();
            }
        }
    }
}
