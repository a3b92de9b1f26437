package io.flipflop.api.videoroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The recording is saved at {@code vodUrl}: ENDED → ARCHIVED, vodState ARCHIVING → ARCHIVED. */
public record CompleteArchive(@TargetAggregateIdentifier long videoRoomId, String vodUrl)
        implements VideoRoomCommand {
}
