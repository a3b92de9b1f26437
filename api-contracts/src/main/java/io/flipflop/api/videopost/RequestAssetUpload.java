package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a (new) one-part upload of the post's thumbnail or preview: {@code uploadId} names it in the signed URL, so
 * the bytes of an older request are refused. The post's current picture stays until an upload completes.
 */
public record RequestAssetUpload(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId,
                                 VideoPostAsset asset, String uploadId, SourceFile file)
        implements VideoPostCommand {
}
