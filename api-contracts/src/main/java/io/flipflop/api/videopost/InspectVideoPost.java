package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes nothing: answers the post, or not found for another app's (or member's) post. */
public record InspectVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId)
        implements VideoPostCommand {
}
