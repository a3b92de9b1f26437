package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Saving the recording failed: vodState ARCHIVING → FAILED_ARCHIVING; the room stays ENDED. */
public record FailArchive(@TargetAggregateIdentifier long videoRoomId, String reason) implements VideoRoomCommand {
}
