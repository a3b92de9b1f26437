package io.flipflop.api.videoroom;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a SCHEDULED room owned by member {@code memberId} ({@code appUserId}) of app {@code appId};
 * {@code streamKeyId} is the owner's stream key (null for a guest), the one a broadcast of the room uses.
 */
public record CreateVideoRoom(@TargetAggregateIdentifier long videoRoomId, long appId, long memberId,
                              String appUserId, Long streamKeyId, VideoRoomType type, VideoRoomDetails details,
                              Instant scheduledAt, String uuid, CreatorType creatorType, long creatorId)
        implements VideoRoomCommand {
}
