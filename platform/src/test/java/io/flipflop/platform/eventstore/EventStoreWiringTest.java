package io.flipflop.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.mongodb.client.MongoDatabase;
import io.flipflop.platform.Platform;
import io.flipflop.platform.timelimit.TimeLimitWatch;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@SpringBootTest(classes = EventStoreWiringTest.TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"flipflop.mongodb.in-memory=true", "flipflop.event-store.snapshot-threshold=1000",
                "flipflop.event-store.cached-snapshot-threshold=5"})
class EventStoreWiringTest {

    private static final String PROCESSOR = "eventstore-wiring-test";

    record OpenCounter(@TargetAggregateIdentifier String id) {
    }

    record CounterOpened(String id) {
    }

    record CountUp(@TargetAggregateIdentifier String id, int times) {
    }

    record CountedUp(String id) {
    }

    /** Axon's wrapper that limits one handler's time; not public. */
    private static final String PER_HANDLER_TIME_LIMIT =
            "org.axonframework.messaging.timeout.TimeoutWrappedMessageHandlingMember";
    private static final String AXON_UNIT_OF_WORK_TIME_LIMIT =
            "org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor";
    /** Not public either: a processor's invoker asks about each payload type once. */
    private static final String PAYLOAD_TYPE_GATE = "io.flipflop.platform.eventprocessing.PayloadTypeGate";

    /** The classes on the stack of each kind of handler, as it last ran. */
    static final Map<String, List<String>> HANDLER_STACKS = new ConcurrentHashMap<>();

    /** Per counter, the thread that last sourced it from its events. */
    static final Map<String, String> SOURCED_ON = new ConcurrentHashMap<>();

    static void recordStack(String handler) {
        HANDLER_STACKS.put(handler, Arrays.stream(Thread.currentThread().getStackTrace())
                .map(StackTraceElement::getClassName).toList());
    }

    /**
     * Registered through a ConfigurerModule rather than @Aggregate, so Platform's component scan never finds it; cached
     * and snapshotted as a cached aggregate is (a snapshot is its fields, written by Jackson).
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static class Counter {

        @AggregateIdentifier
        private String id;

        Counter() {
        }

        @CommandHandler
        Counter(OpenCounter command) {
            recordStack("command");
            apply(new CounterOpened(command.id()));
        }

        @CommandHandler
        void handle(CountUp command) {
            for (int i = 0; i < command.times(); i++) {
                apply(new CountedUp(id));
            }
        }

        @EventSourcingHandler
        void on(CountedUp event) {
            // counting needs no state
        }

        @EventSourcingHandler
        void on(CounterOpened event) {
            recordStack("event sourcing");
            SOURCED_ON.put(event.id(), Thread.currentThread().getName());
            id = event.id();
        }
    }

    @ProcessingGroup(PROCESSOR)
    static class OpenedCounters {

        final List<String> ids = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(CounterOpened event) {
            recordStack("event");
            ids.add(event.id());
        }
    }

    /** A @SpringBootConfiguration, which Platform's component scan excludes, so other tests never pick it up. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Platform.class)
    static class TestApplication {

        @Bean
        ConfigurerModule counterAggregate(BeanFactory beans) {
            // looked up when Axon builds the aggregate: the snapshotter they need needs Axon's configuration
            return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Counter.class)
                    .configureCache(axon -> beans.getBean("aggregateCache", Cache.class))
                    .configureSnapshotTrigger(axon -> beans.getBean("cachedSnapshotTrigger",
                            SnapshotTriggerDefinition.class)));
        }

        /** How the snapshotter finds an aggregate's factory, as {@code @Aggregate} would declare it. */
        @Bean
        AggregateFactory<Counter> counterFactory() {
            return new GenericAggregateFactory<>(Counter.class);
        }

        @Bean
        OpenedCounters openedCounters() {
            return new OpenedCounters();
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    OpenedCounters openedCounters;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase database;
    @Autowired
    Snapshotter snapshotter;

    @Test
    void aCommandsEventIsStoredInMongoAndReachesATrackingHandlerWhoseTokenIsStored() {
        String id = UUID.randomUUID().toString();

        commands.sendAndWait(new OpenCounter(id));

        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(storageEngine).isInstanceOf(MongoEventStorageEngine.class);
        Document stored = database.getCollection(MongoEventStorageEngine.EVENTS_COLLECTION)
                .find(new Document("k", id + "/0")).first();
        assertThat(stored).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> openedCounters.ids.contains(id));
        assertThat(processing.eventProcessor(PROCESSOR)).containsInstanceOf(TrackingEventProcessor.class);

        long index = stored.getLong("_id");
        TrackingEventProcessor processor =
                processing.eventProcessor(PROCESSOR, TrackingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> storedPositions().stream().anyMatch(p -> p >= index));
        processor.shutDown();
        // One segment by default, but two threads, so a token stored with two segments is still processed whole.
        assertThat(tokenStore.fetchSegments(PROCESSOR)).hasSize(1);
        assertThat(processor.maxCapacity()).isEqualTo(2);
    }

    /**
     * Axon's time limits are off (flipflop-platform.properties): each captured the whole stack at every start. Every
     * handler runs inside its unit of work's time limit, {@code io.flipflop.platform.timelimit}'s; an event handler
     * behind the processor's payload type gate ({@code io.flipflop.platform.eventprocessing}).
     */
    @Test
    void handlersRunWithoutAxonsTimeLimitsInsideTheirUnitOfWorksTimeLimit() {
        processing.eventProcessor(PROCESSOR, TrackingEventProcessor.class).orElseThrow().start();
        String id = UUID.randomUUID().toString();

        commands.sendAndWait(new OpenCounter(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> openedCounters.ids.contains(id));
        for (String handler : List.of("command", "event sourcing", "event")) {
            assertThat(HANDLER_STACKS.get(handler)).as(handler)
                    .contains(TimeLimitWatch.class.getPackageName() + ".TimeLimitInterceptor")
                    .doesNotContain(PER_HANDLER_TIME_LIMIT, AXON_UNIT_OF_WORK_TIME_LIMIT);
        }
        assertThat(HANDLER_STACKS.get("event")).as("the tracking processor's handler").contains(PAYLOAD_TYPE_GATE);
    }

    /**
     * A snapshot is created on the snapshotter's own thread, not on the thread that asks for it: that thread sources
     * the aggregate from its events. (With one event the snapshot is not stored; Axon stores one that covers more.)
     */
    @Test
    void aSnapshotIsCreatedOffTheCommittingThread() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenCounter(id));
        assertThat(SOURCED_ON).containsEntry(id, Thread.currentThread().getName());

        snapshotter.scheduleSnapshot(Counter.class, id);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> EventStoreConfiguration.SNAPSHOT_THREAD.equals(SOURCED_ON.get(id)));
    }

    /** Snapshotted at the cached threshold (5 here), far below the other (1,000 here). */
    @Test
    void aCachedAggregateIsSnapshottedAtTheCachedThreshold() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenCounter(id));

        commands.sendAndWait(new CountUp(id, 6));

        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection(
                MongoEventStorageEngine.SNAPSHOTS_COLLECTION).find(new Document("_id", id)).first() != null);
    }

    /** The positions of the processor's segments as the token store holds them. */
    private List<Long> storedPositions() {
        return java.util.Arrays.stream(tokenStore.fetchSegments(PROCESSOR)).mapToObj(segment -> {
            TrackingToken token = tokenStore.fetchToken(PROCESSOR, segment);
            return token == null ? -1L : token.position().orElse(-1);
        }).toList();
    }
}
