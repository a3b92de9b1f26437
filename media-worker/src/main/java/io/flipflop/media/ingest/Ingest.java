package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.PublishedStream;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted publish, from StartIngest to its stop command. Its own thread feeds the packager and sends the
 * later commands, so neither the event loop nor another stream ever waits on them: the event loop only offers
 * tags to a bounded queue, and a packager that falls that far behind drops its publisher.
 * <p>
 * The thread sends StartCmafPublish once the sink reports the stream playable, renews the lease every third of
 * it, and at the end closes the sink and sends StopCmafPublish or StopIngest with the first stop reason given.
 * When the key was taken away from this ingest (force-terminated, or a renewal refused), it sends nothing: the
 * key has already moved on.
 */
final class Ingest {

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);
    private static final long POLL_MILLIS = 50;

    private final PublishedStream stream;
    private final String streamKey;
    private final IngestCommands commands;
    private final MediaSinkFactory sinks;
    private final Duration lease;
    private final Channel publisher;
    private final Consumer<Ingest> ended;
    private final BlockingQueue<FlvTag> tags;
    private final Thread thread;
    private final AtomicReference<IngestStopReason> stopReason = new AtomicReference<>();
    private volatile boolean keyTakenAway;
    private volatile boolean playable;

    Ingest(PublishedStream stream, String streamKey, IngestCommands commands, MediaSinkFactory sinks, Duration lease,
           int queueLength, Channel publisher, ThreadFactory threads, Consumer<Ingest> ended) {
        this.stream = stream;
        this.streamKey = streamKey;
        this.commands = commands;
        this.sinks = sinks;
        this.lease = lease;
        this.publisher = publisher;
        this.ended = ended;
        this.tags = new ArrayBlockingQueue<>(queueLength);
        this.thread = threads.newThread(this::run);
    }

    PublishedStream stream() {
        return stream;
    }

    /** Whether this ingest was started with {@code streamKey} (compared, never logged: it is a credential). */
    boolean usesKey(String streamKey) {
        return this.streamKey.equals(streamKey);
    }

    void start() {
        thread.start();
    }

    /** From the event loop: never blocks. A full queue means the packager fell far behind: the publisher goes. */
    void offer(FlvTag tag) {
        if (stopReason.get() == null && !tags.offer(tag)) {
            log.warn("Packager of stream key {} fell {} tags behind; disconnecting its publisher",
                    stream.streamKeyId(), tags.size());
            stop(IngestStopReason.INGEST_FAILED);
        }
    }

    /** Ends the ingest (the first reason given wins) and disconnects the publisher. */
    void stop(IngestStopReason reason) {
        if (stopReason.compareAndSet(null, reason)) {
            publisher.close();
        }
    }

    /**
     * The publisher unpublished (FCUnpublish, deleteStream): the ingest ends, the connection stays for the
     * publisher to close, since FFmpeg fails with a broken pipe when the server hangs up first.
     */
    void unpublished() {
        stopReason.compareAndSet(null, IngestStopReason.PUBLISHER_DISCONNECTED);
    }

    /** The key no longer belongs to this ingest: disconnect, and tell the command side nothing. */
    void takeAway() {
        keyTakenAway = true;
        stop(IngestStopReason.INGEST_FAILED);
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void run() {
        MediaSink sink = null;
        boolean published = false;
        long renewEvery = Math.max(1, lease.toNanos() / 3);
        long nextRenewal = System.nanoTime() + renewEvery;
        try {
            sink = sinks.open(stream, () -> playable = true);
            while (stopReason.get() == null) {
                FlvTag tag = tags.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (tag != null) {
                    sink.accept(tag);
                }
                if (playable && !published) {
                    commands.startCmafPublish(stream);
                    published = true;
                }
                if (System.nanoTime() - nextRenewal >= 0) {
                    nextRenewal += renewEvery;
                    renew();
                }
            }
            if (stopReason.get() == IngestStopReason.PUBLISHER_DISCONNECTED) {
                // What the publisher sent before it left belongs to the recording.
                List<FlvTag> rest = new ArrayList<>();
                tags.drainTo(rest);
                rest.forEach(sink::accept);
            }
        } catch (IngestRefusedException e) {
            log.warn("Stream key {} refused its ingest ({}); disconnecting its publisher", stream.streamKeyId(),
                    e.errorCode());
            takeAway();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(IngestStopReason.WORKER_STOPPED);
        } catch (RuntimeException e) {
            log.error("Ingest of stream key {} failed", stream.streamKeyId(), e);
            stop(IngestStopReason.INGEST_FAILED);
        } finally {
            if (stopReason.get() != IngestStopReason.PUBLISHER_DISCONNECTED) {
                publisher.close();
            }
            closeSink(sink);
            if (!keyTakenAway) {
                sendStop(published, stopReason.get());
            }
            ended.accept(this);
        }
    }

    /** A renewal that fails for a passing reason is retried at the next one; the lease outlasts two misses. */
    private void renew() {
        try {
            commands.renewIngestLease(stream, lease);
        } catch (IngestRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Renewing the ingest lease of stream key {} failed; retrying", stream.streamKeyId(), e);
        }
    }

    private void closeSink(MediaSink sink) {
        if (sink == null) {
            return;
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            log.error("Closing the packager of stream key {} failed", stream.streamKeyId(), e);
        }
    }

    /** Without it the key stays ACTIVE* until the lease expires, which is the fallback, not an error. */
    private void sendStop(boolean published, IngestStopReason reason) {
        try {
            if (published) {
                commands.stopCmafPublish(stream, reason);
            } else {
                commands.stopIngest(stream, reason);
            }
            log.info("Ingest of stream key {} stopped ({})", stream.streamKeyId(), reason);
        } catch (RuntimeException e) {
            log.warn("Stopping the ingest of stream key {} failed; its lease will end it", stream.streamKeyId(), e);
        }
    }
}
