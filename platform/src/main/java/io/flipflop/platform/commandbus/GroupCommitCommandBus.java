package io.flipflop.platform.commandbus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * A command bus that commits the commands of one aggregate that wait for each other together: one lock, one
 * load, one append of all their events, one commit.
 * <p>
 * Axon holds an aggregate's lock from its load until its events are appended, so commands on one aggregate
 * from concurrent callers queue behind each other's round trip to the event store, while commands on distinct
 * aggregates overlap theirs (measured: one member with 4 callers ran at 0.36–0.42× the rate of 500 distinct
 * members). Here the callers of one aggregate queue in a lane. Whoever finds the lane free handles everything
 * queued in it so far, each command in its own nested unit of work under one root, so each handler sees the state
 * its predecessors left, and the root commits them with one append; the others wait for the result their command
 * got. A command that arrives while a batch runs is in the next one, which is why a lane's batches grow exactly
 * as far as callers wait.
 * <p>
 * A batch is all or nothing towards the event store, but each command keeps its own answer: if any command of a
 * batch fails, or the append does (another node won the race), the batch is rolled back (the aggregate leaves
 * the cache) and its commands are handled again one by one, each as it would have been without this bus. So a
 * rejected command never takes others with it, and one that failed in the batch fails the same way alone.
 * Handlers may run twice that way, as Axon's own retries may run them; ours only decide and apply events.
 * <p>
 * Commands without a target aggregate, and commands sent from inside a unit of work (a handler or an event
 * processor sending one), go straight to the local bus.
 */
public final class GroupCommitCommandBus implements CommandBus {

    private final CommandBus local;
    private final int maxBatch;
    private final CommandTargetResolver targets;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedCommands = new LongAdder();
    private final LongAdder retriedAlone = new LongAdder();

    /**
     * @param local    the bus that handles each command (handlers subscribe to it through this one)
     * @param targets  finds a command's target aggregate, as the aggregates' command handlers do
     * @param maxBatch the most commands committed together
     */
    public GroupCommitCommandBus(CommandBus local, CommandTargetResolver targets, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.local = local;
        this.targets = targets;
        this.maxBatch = maxBatch;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, NoOpCallback.INSTANCE);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        String target = CurrentUnitOfWork.isStarted() ? null : targetOf(command);
        if (target == null) {
            local.dispatch(command, callback);
            return;
        }
        Waiting waiting = new Waiting(command);
        Lane lane = lanes.compute(target, (id, existing) -> (existing == null ? new Lane() : existing).join());
        try {
            lane.awaitHandled(waiting);
        } finally {
            lanes.computeIfPresent(target, (id, existing) -> existing.leave() ? null : existing);
        }
        @SuppressWarnings("unchecked")
        CommandResultMessage<R> result = (CommandResultMessage<R>) waiting.result;
        callback.onResult(command, result);
    }

    private String targetOf(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    /** Batches of two or more committed so far, and the commands in them; for the benchmark and tests. */
    public long batches() {
        return batches.sum();
    }

    public long batchedCommands() {
        return batchedCommands.sum();
    }

    /** Commands of failed batches that were handled again alone. */
    public long retriedAlone() {
        return retriedAlone.sum();
    }

    /** Commands of the aggregate waiting for a batch to take them; for tests that build batches. */
    int queued(String target) {
        Lane lane = lanes.get(target);
        return lane == null ? 0 : lane.queued();
    }

    private void handle(List<Waiting> batch) {
        if (batch.size() == 1) {
            handleAlone(batch.get(0));
            return;
        }
        if (!handleTogether(batch)) {
            retriedAlone.add(batch.size());
            batch.forEach(this::handleAlone);
        }
    }

    private void handleAlone(Waiting waiting) {
        waiting.result = handleLocally(waiting.command);
    }

    private CommandResultMessage<?> handleLocally(CommandMessage<?> command) {
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        try {
            local.dispatch(command, (handled, result) -> answer.set(result));
        } catch (RuntimeException refused) {
            // a dispatch interceptor refused the command: that is its answer, not the whole batch's
            answer.set(GenericCommandResultMessage.asCommandResultMessage(refused));
        }
        return answer.get();
    }

    /**
     * True if every command succeeded and their events were appended; false if the batch was rolled back. The
     * answers are handed out only after the commit: a waiting caller that finds its answer leaves at once.
     */
    private boolean handleTogether(List<Waiting> batch) {
        List<CommandResultMessage<?>> answers = new ArrayList<>(batch.size());
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(batch.get(0).command);
        try {
            for (Waiting waiting : batch) {
                CommandResultMessage<?> answer = handleLocally(waiting.command);
                if (answer.isExceptional()) {
                    root.rollback(answer.exceptionResult());
                    return false;
                }
                answers.add(answer);
            }
        } catch (Error e) {
            root.rollback(e);
            throw e;
        }
        try {
            root.commit();
        } catch (RuntimeException appendFailed) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result = answers.get(i);
        }
        batches.increment();
        batchedCommands.add(batch.size());
        return true;
    }

    @Override
    public Registration subscribe(String commandName,
                                  MessageHandler<? super CommandMessage<?>> handler) {
        return local.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return local.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return local.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** A command and, once handled, its result. */
    private static final class Waiting {

        final CommandMessage<?> command;
        volatile CommandResultMessage<?> result;

        Waiting(CommandMessage<?> command) {
            this.command = command;
        }
    }

    /** The commands of one aggregate waiting to be handled, and whether one of their callers is handling a batch. */
    private final class Lane {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition batchDone = lock.newCondition();
        private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        private boolean handling;
        /** Callers between join and leave; read and written only inside the lanes map's compute. */
        private int callers;

        Lane join() {
            callers++;
            return this;
        }

        /** True when the last caller left, so the lane can go. */
        boolean leave() {
            return --callers == 0;
        }

        int queued() {
            lock.lock();
            try {
                return queue.size();
            } finally {
                lock.unlock();
            }
        }

        /** Queues the command and returns once some caller, perhaps this one, handled it. */
        void awaitHandled(Waiting waiting) {
            lock.lock();
            try {
                queue.add(waiting);
                while (waiting.result == null) {
                    if (handling) {
                        batchDone.awaitUninterruptibly();
                        continue;
                    }
                    handling = true;
                    List<Waiting> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
                    while (!queue.isEmpty() && batch.size() < maxBatch) {
                        batch.add(queue.poll());
                    }
                    lock.unlock();
                    try {
                        handle(batch);
                    } catch (RuntimeException | Error e) {
                        // every caller of the batch gets an answer, or it would wait for ever
                        batch.stream().filter(w -> w.result == null)
                                .forEach(w -> w.result = GenericCommandResultMessage.asCommandResultMessage(e));
                        if (e instanceof Error) {
                            throw e;
                        }
                    } finally {
                        lock.lock();
                        handling = false;
                        batchDone.signalAll();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
