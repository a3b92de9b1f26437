package io.flipflop.api.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.TranscodingProfileType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.Set;

/**
 * Sets the listed fields to the values in {@code values} (a null value clears the field), and the
 * profiles of the types in {@code profileFields} to those in {@code profiles} (null: that output is not made).
 * Profiles are locked once the upload completed: the job is queued with them.
 */
public record UpdateVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId,
                              VideoPostDetails values, Set<VideoPostField> fields,
                              ChosenProfiles profiles, Set<TranscodingProfileType> profileFields)
        implements VideoPostCommand {
}
