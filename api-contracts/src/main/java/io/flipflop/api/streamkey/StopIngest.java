package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ingest ended before CMAF publishing started (ACTIVE_PREP, ACTIVE_LIVE_PREP). */
public record StopIngest(@TargetAggregateIdentifier long streamKeyId, String workerId, IngestStopReason reason)
        implements StreamKeyCommand {
}
