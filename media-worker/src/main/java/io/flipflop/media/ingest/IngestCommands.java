package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.media.stream.PublishedStream;
import java.time.Duration;

/**
 * The stream key commands of an ingest, sent as this worker (origin WORKER, actor = worker id). Behind an
 * interface because how they travel depends on the deployment: {@link AxonIngestCommands} sends them through
 * Axon's command gateway, which reaches the aggregates when they run in this JVM (all-in-one); the split
 * deployment will swap in an HTTP client to the command side's internal endpoint.
 * <p>
 * Every method blocks until the stream key decided; call them off the event loop. A stream key that refuses
 * throws {@link IngestRefusedException}; anything else that fails (the command side unreachable) throws
 * whatever the transport throws.
 */
public interface IngestCommands {

    /** Takes the key's ingest for this worker for {@code lease} (key → ACTIVE_PREP or ACTIVE_LIVE_PREP). */
    void startIngest(PublishedStream stream, Duration lease);

    /** The stream is playable (key → ACTIVE or ACTIVE_LIVE). */
    void startCmafPublish(PublishedStream stream);

    /** Ends an ingest that never became playable. */
    void stopIngest(PublishedStream stream, IngestStopReason reason);

    /** Ends an ingest that was playable. */
    void stopCmafPublish(PublishedStream stream, IngestStopReason reason);

    /** This worker still holds the ingest: the lease now ends {@code lease} from now. */
    void renewIngestLease(PublishedStream stream, Duration lease);
}
