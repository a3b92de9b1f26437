package io.flipflop.media.usage;

import io.flipflop.api.usage.UsageEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the worker's usage on its own thread, never on an event loop: every report interval the ended
 * windows of {@link ViewerSessions}, every storage interval the changes {@link StorageMeter} found. A publish
 * that fails (the event store unreachable) is kept and tried again on the next tick, in order; on stop, the
 * current window is cut short and published, so a worker that stops cleanly loses no delivered usage.
 */
final class UsageReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageReporter.class);
    /** Reports kept while the event store is unreachable; beyond this the oldest are dropped (and logged). */
    private static final int MAX_PENDING = 10_000;

    private final ViewerSessions sessions;
    private final StorageMeter storage;
    private final EventBus eventBus;
    private final UsageSettings settings;
    private final Deque<UsageEvent> pending = new ArrayDeque<>();
    /** Not {@code this}: {@link #stop} holds that while it waits for the reporter thread to finish publishing. */
    private final Object publishing = new Object();
    private ScheduledExecutorService executor;

    UsageReporter(ViewerSessions sessions, StorageMeter storage, EventBus eventBus, UsageSettings settings) {
        this.sessions = sessions;
        this.storage = storage;
        this.eventBus = eventBus;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usage-reporter");
            thread.setDaemon(true);
            return thread;
        });
        long report = settings.reportInterval().toMillis();
        executor.scheduleAtFixedRate(this::reportPlayback, report, report, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::measureStorage, 0, settings.storageInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The usage reporter did not finish its last report in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        publish(sessions.drainAll());
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Publishes the playback windows that ended (and whatever failed before). */
    void reportPlayback() {
        publish(sessions.drain());
    }

    /** Publishes what changed in the stored bytes (and whatever failed before). */
    void measureStorage() {
        try {
            publish(storage.measure());
        } catch (RuntimeException e) {
            log.warn("Could not measure the stored media", e);
        }
    }

    private void publish(List<? extends UsageEvent> reports) {
        synchronized (publishing) {
            pending.addAll(reports);
            publishPending();
        }
    }

    private void publishPending() {
        while (pending.size() > MAX_PENDING) {
            log.warn("Dropped a usage report the event store could not take: {}", pending.removeFirst());
        }
        try {
            while (!pending.isEmpty()) {
                eventBus.publish(GenericEventMessage.asEventMessage(pending.peekFirst()));
                pending.removeFirst();
            }
        } catch (RuntimeException e) {
            log.warn("Could not publish {} usage reports; trying again on the next tick", pending.size(), e);
        }
    }
}
