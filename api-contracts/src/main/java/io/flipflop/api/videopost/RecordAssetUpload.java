package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The media worker stored upload {@code uploadId} of an asset ({@code size} bytes, MD5 {@code eTag}), found it to be
 * what it claims and re-encoded it into a file of {@code encodedSize} bytes, kept aside until the upload completes.
 */
public record RecordAssetUpload(@TargetAggregateIdentifier long videoPostId, VideoPostAsset asset, String uploadId,
                                long size, String eTag, long encodedSize)
        implements VideoPostCommand {
}
