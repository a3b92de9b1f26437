package io.flipflop.api.app;

import io.flipflop.api.transcoding.TranscodingProfileType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes {@code profileId} the app's default profile of {@code type}: what the app's posts get when they name no
 * profile of that type. Null: the system's default again. The command side checks first that the app may use the
 * profile (a SYSTEM one, or an ACTIVE one of its own, of that type). Owner only.
 */
public record ChangeAppDefaultTranscodingProfile(@TargetAggregateIdentifier long appId, long requestedByUserId,
                                                 TranscodingProfileType type, Long profileId) {
}
