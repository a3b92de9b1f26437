package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts the app's member on the post's allowlist (RESTRICTED access). Idempotent. */
public record AllowMemberOnVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, long memberId,
                                     String appUserId)
        implements VideoPostCommand {
}
