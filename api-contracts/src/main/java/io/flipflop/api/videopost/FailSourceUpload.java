package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The media worker found the assembled source unusable (not a video, truncated, ...). */
public record FailSourceUpload(@TargetAggregateIdentifier long videoPostId, String reason)
        implements VideoPostCommand {
}
