package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyReissued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Disconnects a publisher whose key was force-terminated or reissued. Runs in a tracking processor of its own
 * per worker ({@link IngestConfiguration}), starting at the head of the event stream: every worker must see every
 * revocation, and only those that happen while it runs matter.
 */
@ProcessingGroup(IngestRevocation.PROCESSING_GROUP)
public class IngestRevocation {

    static final String PROCESSING_GROUP = "rtmp-ingest-revocation";

    private final Ingests ingests;

    public IngestRevocation(Ingests ingests) {
        this.ingests = ingests;
    }

    @EventHandler
    void on(StreamKeyForciblyTerminated event) {
        ingests.revoked(event.streamKeyId(), event.previousStreamKey());
    }

    @EventHandler
    void on(StreamKeyReissued event) {
        ingests.revoked(event.streamKeyId(), event.previousStreamKey());
    }
}
