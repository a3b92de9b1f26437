package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** How far the running job is; {@code etaSeconds} is null while unknown. */
public record ReportProcessingProgress(@TargetAggregateIdentifier long videoPostId, double percent, double fps,
                                       Long etaSeconds)
        implements VideoPostCommand {
}
