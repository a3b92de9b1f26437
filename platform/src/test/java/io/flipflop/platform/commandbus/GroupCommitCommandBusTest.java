package io.flipflop.platform.commandbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.flipflop.platform.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The group commit through the whole Axon stack (cached aggregate, our event store on the embedded server): a held
 * command keeps the lane busy while others queue, so the batches are exactly those the test builds.
 */
@SpringBootTest(classes = GroupCommitCommandBusTest.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "flipflop.mongodb.in-memory=true")
class GroupCommitCommandBusTest {

    record OpenTally(@TargetAggregateIdentifier String id) {
    }

    /** Adds to the tally and answers the new total; a negative amount is refused before anything is applied. */
    record Add(@TargetAggregateIdentifier String id, long amount) {
    }

    /** Applies an addition, then fails: the batch must not keep its event. */
    record AddThenFail(@TargetAggregateIdentifier String id, long amount) {
    }

    /** Applies nothing and waits in its handler until released, keeping the lane busy. */
    record Hold(@TargetAggregateIdentifier String id) {
    }

    record TallyOpened(String id) {
    }

    record Added(String id, long amount) {
    }

    static volatile CountDownLatch holding = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    static class Tally {

        @AggregateIdentifier
        private String id;
        private long total;

        Tally() {
        }

        @CommandHandler
        Tally(OpenTally command) {
            apply(new TallyOpened(command.id()));
        }

        @CommandHandler
        long handle(Add command) {
            if (command.amount() < 0) {
                throw new IllegalArgumentException("negative amount " + command.amount());
            }
            apply(new Added(id, command.amount()));
            return total;
        }

        @CommandHandler
        void handle(AddThenFail command) {
            apply(new Added(id, command.amount()));
            throw new IllegalStateException("failed after applying");
        }

        @CommandHandler
        void handle(Hold command) throws InterruptedException {
            holding.countDown();
            release.await();
        }

        @EventSourcingHandler
        void on(TallyOpened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Added event) {
            total += event.amount();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Platform.class)
    static class TestApplication {

        @Bean
        ConfigurerModule tallyAggregate(Cache aggregateCache) {
            return configurer -> configurer.configureAggregate(
                    AggregateConfigurer.defaultConfiguration(Tally.class).configureCache(c -> aggregateCache));
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    GroupCommitCommandBus bus;
    @Autowired
    EventStore eventStore;
    @Autowired
    org.axonframework.config.Configuration axon;

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private String id;

    @BeforeEach
    void openTally() {
        id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenTally(id));
        holding = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void commandsQueuedBehindAnotherAreCommittedTogetherAndEachGetsItsOwnAnswer() throws Exception {
        long batches = bus.batches();
        long batched = bus.batchedCommands();

        List<Future<Long>> answers = queuedBehindAHold(new Add(id, 1), new Add(id, 2), new Add(id, 4));

        assertThat(values(answers)).containsExactly(1L, 3L, 7L);
        assertThat(bus.batches() - batches).isEqualTo(1);
        assertThat(bus.batchedCommands() - batched).isEqualTo(3);
        assertThat(storedAmounts()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void aRejectedCommandFailsAloneAndTheOthersOfItsBatchStillSucceed() throws Exception {
        long retried = bus.retriedAlone();

        assertOnlyTheMiddleOneFails(new Add(id, -5), "negative amount -5");
        assertThat(bus.retriedAlone() - retried).isEqualTo(3);
    }

    @Test
    void aCommandRefusedByADispatchInterceptorFailsAloneAndTheOthersOfItsBatchStillSucceed() throws Exception {
        Registration unlucky = bus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof Add add && add.amount() == 13) {
                throw new IllegalArgumentException("unlucky amount");
            }
            return message;
        });
        try {
            assertOnlyTheMiddleOneFails(new Add(id, 13), "unlucky amount");
        } finally {
            unlucky.cancel();
        }
    }

    @Test
    void theEventsOfACommandThatFailedAfterApplyingThemAreNeitherStoredNorSeenByTheNextCommand() throws Exception {
        assertOnlyTheMiddleOneFails(new AddThenFail(id, 100), "failed after applying");
    }

    @Test
    void aBatchWhoseAppendLosesToAnotherNodeIsHandledAgainOnTheNewerState() throws Exception {
        long retried = bus.retriedAlone();

        // meanwhile another node appends to the tally, whose older state this node has cached
        List<Future<Long>> answers = queuedBehindAHold(() -> eventStore.publish(new GenericDomainEventMessage<>(
                Tally.class.getSimpleName(), id, 1, new Added(id, 10))), new Add(id, 1), new Add(id, 2));

        assertThat(values(answers)).containsExactly(11L, 13L);
        assertThat(bus.retriedAlone() - retried).isEqualTo(2);
        assertThat(storedAmounts()).containsExactly(10L, 1L, 2L);
    }

    @Test
    void theAggregatesFindTheirTargetsThroughTheCachedResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CachedCommandTargetResolver.class);
    }

    @Test
    void manyCallersOfOneAggregateLoseNoCommandAndKeepItsSequenceWhole() throws Exception {
        int callerCount = 8;
        int perCaller = 100;
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callerCount; c++) {
            done.add(callers.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    commands.sendAndWait(new Add(id, 1));
                }
            }));
        }
        for (Future<?> caller : done) {
            caller.get(60, TimeUnit.SECONDS);
        }

        assertThat(commands.<Long>sendAndWait(new Add(id, 0))).isEqualTo(callerCount * perCaller);
        DomainEventStream stream = eventStore.readEvents(id);
        List<Long> sequences = stream.asStream().map(e -> e.getSequenceNumber()).toList();
        assertThat(sequences).hasSize(callerCount * perCaller + 2);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }

    /**
     * Queues Add 1, the failing command and Add 2 behind a hold: the failing one gets its own failure, the others
     * their totals as if it had never been sent, and only their amounts are stored.
     */
    private void assertOnlyTheMiddleOneFails(Object failing, String failure) throws Exception {
        List<Future<Long>> answers = queuedBehindAHold(new Add(id, 1), failing, new Add(id, 2));

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThatThrownBy(() -> answers.get(1).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage(failure);
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(3L);
        assertThat(storedAmounts()).containsExactly(1L, 2L);
    }

    /** Sends a {@link Hold}, queues the commands behind it (each from its own caller), then releases it. */
    private List<Future<Long>> queuedBehindAHold(Object... queued) throws Exception {
        return queuedBehindAHold(() -> { }, queued);
    }

    private List<Future<Long>> queuedBehindAHold(Runnable beforeRelease, Object... queued) throws Exception {
        Future<Object> held = callers.submit(() -> commands.sendAndWait(new Hold(id)));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Long>> answers = new ArrayList<>();
        for (Object command : queued) {
            answers.add(send(command));
            // one at a time, so the batch holds them in this order
            int expected = answers.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.queued(id) == expected);
        }
        beforeRelease.run();
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        return answers;
    }

    private Future<Long> send(Object command) {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        callers.submit(() -> commands.<Long>send(command).whenComplete((value, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(value);
            }
        }));
        return answer;
    }

    private static List<Long> values(List<Future<Long>> answers) throws Exception {
        List<Long> values = new ArrayList<>();
        for (Future<Long> answer : answers) {
            values.add(answer.get(10, TimeUnit.SECONDS));
        }
        return values;
    }

    private List<Long> storedAmounts() {
        return eventStore.readEvents(id).asStream()
                .map(e -> e.getPayload())
                .filter(Added.class::isInstance)
                .map(p -> ((Added) p).amount())
                .collect(Collectors.toList());
    }
}
