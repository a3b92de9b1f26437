package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a (new) multipart upload of the source: {@code uploadId} names it in the signed part URLs, so parts of an older request are refused. */
public record RequestSourceUpload(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId, String uploadId,
                                  SourceFile source, int partCount)
        implements VideoPostCommand {
}
