package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The app cancels a queued or running job; the post becomes FAILED_PROCESSING with reason CANCELLED. */
public record CancelProcessing(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId)
        implements VideoPostCommand {
}
