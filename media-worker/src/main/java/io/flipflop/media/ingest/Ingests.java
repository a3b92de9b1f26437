package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.PublishedStream;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingests running on this worker, one per stream key, and the gate a publish passes to start one: the key
 * string must be in the directory, no ingest of the key may run here, and the stream key must accept
 * StartIngest (which it refuses while another worker ingests it). Those steps block (MongoDB, the command side),
 * so they run on a small bounded pool, never on the event loop; when the pool is saturated a publish is refused
 * rather than queued without end.
 */
public class Ingests {

    private static final Logger log = LoggerFactory.getLogger(Ingests.class);

    private final StreamKeyLookup lookup;
    private final IngestCommands commands;
    private final MediaSinkFactory sinks;
    private final String workerId;
    private final Duration lease;
    private final int queueLength;
    private final ThreadPoolExecutor admissions;
    private final ThreadFactory ingestThreads;
    private final Map<Long, Ingest> byStreamKey = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public Ingests(StreamKeyLookup lookup, IngestCommands commands, MediaSinkFactory sinks, String workerId,
                   Duration lease, RtmpSettings settings) {
        this.lookup = lookup;
        this.commands = commands;
        this.sinks = sinks;
        this.workerId = workerId;
        this.lease = lease;
        this.queueLength = settings.ingestQueueLength();
        this.admissions = new ThreadPoolExecutor(settings.admissionThreads(), settings.admissionThreads(),
                30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.admissionQueueLength()),
                threads("rtmp-admission-"));
        this.admissions.allowCoreThreadTimeOut(true);
        this.ingestThreads = threads("rtmp-ingest-");
    }

    /** How many ingests run here now. */
    public int count() {
        return byStreamKey.size();
    }

    /** Runs the publish gate off the calling thread; completes with the admission, never exceptionally. */
    CompletableFuture<Admission> admit(PublishName name, Channel publisher) {
        try {
            return CompletableFuture.supplyAsync(() -> admitNow(name, publisher), admissions)
                    .exceptionally(failure -> {
                        log.error("Publish from {} refused: checking it failed", publisher.remoteAddress(), failure);
                        return new Admission.Refused(Admission.FAILED, "Ingest unavailable");
                    });
        } catch (RejectedExecutionException e) {
            log.warn("Publish from {} refused: too many publishes waiting", publisher.remoteAddress());
            return CompletableFuture.completedFuture(new Admission.Refused(Admission.FAILED, "Server busy"));
        }
    }

    /**
     * The key was revoked (force-terminated or reissued): its ingest here, if it was started with the revoked
     * string, is disconnected without a stop command. Comparing the string keeps a publish that already uses the
     * new string alive when the event arrives late.
     */
    public void revoked(long streamKeyId, String revokedStreamKey) {
        Ingest ingest = byStreamKey.get(streamKeyId);
        if (ingest != null && ingest.usesKey(revokedStreamKey)) {
            log.info("Stream key {} was revoked; disconnecting its publisher", streamKeyId);
            ingest.takeAway();
        }
    }

    /** Refuses new publishes, stops every ingest with WORKER_STOPPED and waits for their stop commands. */
    public void stopAll(Duration timeout) {
        closed = true;
        admissions.shutdown();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            admissions.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<Ingest> running = List.copyOf(byStreamKey.values());
            running.forEach(ingest -> ingest.stop(IngestStopReason.WORKER_STOPPED));
            for (Ingest ingest : running) {
                if (!ingest.awaitEnd(Duration.ofNanos(deadline - System.nanoTime()))) {
                    log.warn("Ingest of stream key {} did not stop in time; its lease will end it",
                            ingest.stream().streamKeyId());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Admission admitNow(PublishName name, Channel publisher) {
        if (closed) {
            return new Admission.Refused(Admission.FAILED, "Server stopping");
        }
        var entry = lookup.find(name.streamKey());
        if (entry.isEmpty()) {
            log.info("Publish from {} refused: unknown stream key #{}", publisher.remoteAddress(), name.keyDigest());
            return new Admission.Refused(Admission.BAD_NAME, "Unknown stream key");
        }
        // reference §16: the URL's mode, then the key's own, then the app's default, then CMAF
        PublishedStream stream = new PublishedStream(entry.get().streamKeyId(), entry.get().appId(),
                entry.get().memberId(), workerId, name.mode().or(entry.get()::mode).orElse(OutputMode.CMAF));
        Ingest ingest = new Ingest(stream, name.streamKey(), commands, sinks, lease, queueLength, publisher,
                ingestThreads, ended -> byStreamKey.remove(stream.streamKeyId(), ended));
        if (byStreamKey.putIfAbsent(stream.streamKeyId(), ingest) != null) {
            log.info("Publish from {} refused: stream key {} is already publishing here", publisher.remoteAddress(),
                    stream.streamKeyId());
            return new Admission.Refused(Admission.BAD_NAME, "Already publishing");
        }
        try {
            commands.startIngest(stream, lease);
        } catch (IngestRefusedException e) {
            byStreamKey.remove(stream.streamKeyId(), ingest);
            log.info("Publish from {} refused: stream key {} refused the ingest ({})", publisher.remoteAddress(),
                    stream.streamKeyId(), e.errorCode());
            return new Admission.Refused(Admission.BAD_NAME, "Already publishing");
        } catch (RuntimeException e) {
            byStreamKey.remove(stream.streamKeyId(), ingest);
            log.error("Publish from {} refused: starting the ingest of stream key {} failed",
                    publisher.remoteAddress(), stream.streamKeyId(), e);
            return new Admission.Refused(Admission.FAILED, "Ingest unavailable");
        }
        log.info("Ingest of stream key {} started from {} (mode {})", stream.streamKeyId(),
                publisher.remoteAddress(), stream.mode());
        ingest.start();
        return new Admission.Admitted(ingest);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
