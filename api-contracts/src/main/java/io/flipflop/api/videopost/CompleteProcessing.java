package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** The job finished: the ladder it encoded and its outputs. */
public record CompleteProcessing(@TargetAggregateIdentifier long videoPostId, List<Rendition> renditions,
                                 List<ProcessedOutput> outputs)
        implements VideoPostCommand {
}
