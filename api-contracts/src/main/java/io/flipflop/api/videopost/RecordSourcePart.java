package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The media worker stored part {@code partNumber} of upload {@code uploadId} ({@code size} bytes, MD5 {@code eTag}); a part stored again replaces the earlier one. */
public record RecordSourcePart(@TargetAggregateIdentifier long videoPostId, String uploadId, int partNumber, long size, String eTag)
        implements VideoPostCommand {
}
