package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CMAF publishing stopped (ACTIVE, ACTIVE_LIVE), e.g. because the publisher disconnected. */
public record StopCmafPublish(@TargetAggregateIdentifier long streamKeyId, String workerId, IngestStopReason reason)
        implements StreamKeyCommand {
}
