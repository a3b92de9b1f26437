package io.flipflop.api.videoroom;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the listed fields to the values in {@code values} (a null value clears the field). */
public record UpdateVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, Long ownerMemberId,
                              VideoRoomDetails values, Set<VideoRoomField> fields) implements VideoRoomCommand {
}
