package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An ARCHIVED room gets its video post: {@code videoPostId} is recorded the first time; sent again, the room
 * answers the id it recorded then, so the post is made once however often the archive is handled.
 */
public record PostArchive(@TargetAggregateIdentifier long videoRoomId, long videoPostId) implements VideoRoomCommand {
}
