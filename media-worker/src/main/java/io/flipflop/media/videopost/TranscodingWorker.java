package io.flipflop.media.videopost;

import io.flipflop.api.videopost.CompleteProcessing;
import io.flipflop.api.videopost.FailProcessing;
import io.flipflop.api.videopost.ReportProcessingProgress;
import io.flipflop.api.videopost.StartProcessing;
import io.flipflop.platform.error.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Takes jobs from {@link TranscodingJobs} and runs at most {@code concurrency} of them at once on this worker. A
 * job's post moves QUEUED (or FAILED_PROCESSING, or PROCESSING after a restart) → PROCESSING → PROCESSED or
 * FAILED_PROCESSING; progress is recorded at most every {@code progressInterval}. While a job runs its lease is
 * renewed; a job that is no longer this worker's (cancelled, post deleted) is killed. At shutdown every ffmpeg is
 * killed and the leases lapse, so the next worker to start runs those jobs again (a new attempt).
 */
class TranscodingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TranscodingWorker.class);

    private final TranscodingJobs jobs;
    private final Transcoder transcoder;
    private final PostCommands commands;
    private final PostMediaSettings settings;
    private final String workerId;
    private final Clock clock;
    private final Semaphore slots;
    private ScheduledExecutorService poller;
    private ExecutorService runners;
    private volatile boolean running;

    TranscodingWorker(TranscodingJobs jobs, Transcoder transcoder, PostCommands commands, PostMediaSettings settings,
                      String workerId, Clock clock) {
        this.jobs = jobs;
        this.transcoder = transcoder;
        this.commands = commands;
        this.settings = settings;
        this.workerId = workerId;
        this.clock = clock;
        this.slots = new Semaphore(settings.concurrency());
    }

    @Override
    public void start() {
        running = true;
        runners = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "transcoding-" + workerId);
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "transcoding-poller-" + workerId);
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        // running jobs see running == false, end as Cancelled and leave their leases to lapse: not failed
        transcoder.killAll();
        runners.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Looks for a job at once, e.g. right after one was queued here. */
    void wake() {
        if (running) {
            poller.execute(this::poll);
        }
    }

    private void poll() {
        try {
            while (running && slots.tryAcquire()) {
                var job = jobs.claim(workerId, settings.lease());
                if (job.isEmpty()) {
                    slots.release();
                    return;
                }
                runners.execute(() -> {
                    try {
                        run(job.get());
                    } finally {
                        slots.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Looking for transcoding jobs failed; trying again in {}", settings.pollInterval(), e);
        }
    }

    private void run(TranscodingJobs.Job job) {
        long id = job.videoPostId();
        try {
            commands.send(new StartProcessing(id, workerId, job.attempt()));
        } catch (ApiException refused) {
            // the post was deleted or cancelled meanwhile: the job is not wanted
            jobs.finish(id, workerId, TranscodingJobs.Status.CANCELLED);
            return;
        }
        AtomicBoolean wanted = new AtomicBoolean(true);
        AtomicReference<Instant> lastReport = new AtomicReference<>(Instant.EPOCH);
        AtomicReference<Instant> lastRenewal = new AtomicReference<>(clock.instant());
        try {
            Transcoder.Outcome outcome = transcoder.run(id, job.probe(), job.profiles(), progress -> {
                Instant now = clock.instant();
                if (now.isAfter(lastReport.get().plus(settings.progressInterval())) && progress.percent() < 100) {
                    lastReport.set(now);
                    report(id, progress);
                }
            }, () -> {
                Instant now = clock.instant();
                if (wanted.get() && now.isAfter(lastRenewal.get().plus(settings.lease().dividedBy(3)))) {
                    lastRenewal.set(now);
                    wanted.set(jobs.renew(id, workerId, settings.lease()));
                }
                return wanted.get() && running;
            });
            finish(id, outcome);
        } catch (InterruptedException e) {
            // only at shutdown: the job's lease lapses and the next worker runs it again
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                log.warn("Transcoding video post {} failed", id, e);
                fail(id, "Transcoding failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private void finish(long id, Transcoder.Outcome outcome) {
        if (outcome instanceof Transcoder.Done done) {
            try {
                commands.send(new CompleteProcessing(id, done.renditions(), done.outputs()));
                jobs.finish(id, workerId, TranscodingJobs.Status.DONE);
            } catch (ApiException refused) {
                jobs.finish(id, workerId, TranscodingJobs.Status.CANCELLED);
            }
        } else if (outcome instanceof Transcoder.Failed failed) {
            fail(id, failed.reason());
        }
        // Cancelled: the post already says so (cancelled, deleted), or at shutdown the next worker runs it again
    }

    private void fail(long id, String reason) {
        try {
            commands.send(new FailProcessing(id, reason));
        } catch (ApiException refused) {
            // the post was deleted or cancelled meanwhile
        }
        jobs.finish(id, workerId, TranscodingJobs.Status.FAILED);
    }

    private void report(long id, Transcoder.Progress progress) {
        try {
            commands.send(new ReportProcessingProgress(id, progress.percent(), progress.fps(), progress.etaSeconds()));
        } catch (RuntimeException refused) {
            // progress is advisory; a refusal (the post moved on) changes nothing
        }
    }
}
