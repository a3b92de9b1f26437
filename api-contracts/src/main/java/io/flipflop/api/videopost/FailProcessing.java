package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The job failed (or was killed for a time or disk limit) with a reason. */
public record FailProcessing(@TargetAggregateIdentifier long videoPostId, String reason)
        implements VideoPostCommand {
}
