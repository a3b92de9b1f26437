package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes the post in any state; its job is cancelled and its files removed by the media worker. */
public record DeleteVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId)
        implements VideoPostCommand {
}
