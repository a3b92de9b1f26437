package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the app's member off the post's allowlist. Idempotent. */
public record DisallowMemberOnVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, long memberId,
                                        String appUserId)
        implements VideoPostCommand {
}
