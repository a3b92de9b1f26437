package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client says its thumbnail or preview is up, naming the ETag its PUT answered. */
public record CompleteAssetUpload(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId,
                                  VideoPostAsset asset, String eTag)
        implements VideoPostCommand {
}
