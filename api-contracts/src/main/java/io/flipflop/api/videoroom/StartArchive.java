package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An ENDED room's recording is being saved: vodState NOT_ARCHIVED → ARCHIVING. */
public record StartArchive(@TargetAggregateIdentifier long videoRoomId) implements VideoRoomCommand {
}
