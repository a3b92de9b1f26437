package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.Set;

/** Sets the listed fields to the values in {@code values} (a null value clears the field). */
public record UpdateVideoPost(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId,
                              VideoPostDetails values, Set<VideoPostField> fields)
        implements VideoPostCommand {
}
