package io.flipflop.api.videopost;

/**
 * The upload completed: {@code file} is the post's thumbnail or preview from now on, in place of any earlier upload
 * and of the one transcoding makes. The media worker moves the re-encoded file of {@code uploadId} into place.
 */
public record AssetUploaded(long videoPostId, VideoPostState state, VideoPostAsset asset, String uploadId,
                            UploadedAsset file)
        implements VideoPostEvent {
}
