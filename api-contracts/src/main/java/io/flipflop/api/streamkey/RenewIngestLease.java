package io.flipflop.api.streamkey;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker holding the ingest is alive: the lease now ends {@code lease} from now. Records no event. */
public record RenewIngestLease(@TargetAggregateIdentifier long streamKeyId, String workerId, Duration lease)
        implements StreamKeyCommand {
}
