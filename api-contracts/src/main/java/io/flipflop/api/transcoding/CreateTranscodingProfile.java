package io.flipflop.api.transcoding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes an ACTIVE profile of app {@code appId}; its settings are checked against its type. */
public record CreateTranscodingProfile(@TargetAggregateIdentifier long profileId, long appId,
                                       TranscodingProfileType type, String name, String description,
                                       ProfileSettings profile) {
}
