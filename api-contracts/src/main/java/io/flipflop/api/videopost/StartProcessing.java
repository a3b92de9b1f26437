package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A worker took the job: attempt 1, or a later attempt after a worker restart or a retry. */
public record StartProcessing(@TargetAggregateIdentifier long videoPostId, String workerId, int attempt)
        implements VideoPostCommand {
}
