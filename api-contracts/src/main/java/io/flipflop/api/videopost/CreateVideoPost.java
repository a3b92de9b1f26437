package io.flipflop.api.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.videoroom.CreatorType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a CREATED post owned by member {@code memberId} ({@code appUserId}) of app {@code appId}, transcoded with
 * {@code profiles} (resolved and checked by the service: they exist, are ACTIVE, of their type and usable by the app).
 */
public record CreateVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, long memberId, String appUserId, VideoPostType type,
                              VideoPostDetails details, CreatorType creatorType, long creatorId,
                              ChosenProfiles profiles)
        implements VideoPostCommand {
}
