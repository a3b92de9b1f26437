package io.flipflop.api.transcoding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes an app's profile; posts that chose it keep their settings and output. */
public record DeleteTranscodingProfile(@TargetAggregateIdentifier long profileId, long appId) {
}
