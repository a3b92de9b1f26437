package io.flipflop.api.streamkey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker holding the ingest started publishing CMAF: the stream is viewable. */
public record StartCmafPublish(@TargetAggregateIdentifier long streamKeyId, String workerId)
        implements StreamKeyCommand {
}
