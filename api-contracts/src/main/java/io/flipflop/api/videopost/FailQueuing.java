package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The media worker could not queue the job (e.g. the job store refused it). */
public record FailQueuing(@TargetAggregateIdentifier long videoPostId, String reason)
        implements VideoPostCommand {
}
