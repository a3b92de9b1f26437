package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The media worker queued the transcoding job of a probed source. */
public record QueueTranscoding(@TargetAggregateIdentifier long videoPostId, SourceProbe probe)
        implements VideoPostCommand {
}
