package io.flipflop.command.broadcast;

import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.command.streamkey.IngestSettings;
import io.flipflop.command.streamkey.IngestingStreamKeys;
import io.flipflop.platform.error.ApiException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Axon's deadline manager keeps ingest leases in memory, so a restart forgets them. Once the application is up,
 * every key listed as ingesting gets a fresh lease (RenewIngestLease, origin SYSTEM, on behalf of the worker
 * that holds it): a worker that is still alive renews it as usual, a dead one lets it expire. An entry whose key
 * is no longer ingesting is dropped.
 * <p>
 * With several command nodes, a lease lives on the node that handled the last start or renewal; a persistent
 * deadline manager is needed there (not part of this issue).
 */
@Component
public class IngestLeaseRearming {

    private static final Logger log = LoggerFactory.getLogger(IngestLeaseRearming.class);
    private static final Origin ORIGIN = Origin.system("ingest-lease-rearming");

    private final IngestingStreamKeys ingesting;
    private final OriginCommands commands;
    private final IngestSettings settings;

    public IngestLeaseRearming(IngestingStreamKeys ingesting, OriginCommands commands, IngestSettings settings) {
        this.ingesting = ingesting;
        this.commands = commands;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rearm() {
        for (var ingest : ingesting.all()) {
            try {
                commands.sendAndWait(new RenewIngestLease(ingest.streamKeyId(), ingest.workerId(), settings.lease()), ORIGIN);
            } catch (ApiException | AggregateNotFoundException stale) {
                log.info("Stream key {} is no longer ingesting: {}", ingest.streamKeyId(), stale.getMessage());
                ingesting.forget(ingest.streamKeyId());
            }
        }
    }
}
