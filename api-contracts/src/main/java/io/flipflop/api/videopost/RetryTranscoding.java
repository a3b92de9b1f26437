package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The app asks for a failed queuing or a failed (or cancelled) job to run again: the media worker queues the job
 * once more (FAILED_QUEUING → QUEUED) or lets a worker take it again (FAILED_PROCESSING → PROCESSING).
 */
public record RetryTranscoding(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId)
        implements VideoPostCommand {
}
