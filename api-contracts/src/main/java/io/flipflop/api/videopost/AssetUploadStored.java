package io.flipflop.api.videopost;

/** The media worker holds the checked and re-encoded file of the upload, not yet shown. */
public record AssetUploadStored(long videoPostId, VideoPostState state, VideoPostAsset asset, String uploadId,
                                long size, String eTag, long encodedSize)
        implements VideoPostEvent {
}
