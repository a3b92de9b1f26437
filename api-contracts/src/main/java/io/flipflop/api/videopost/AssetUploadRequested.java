package io.flipflop.api.videopost;

/** An upload URL was handed out for the post's thumbnail or preview; an earlier unfinished upload no longer counts. */
public record AssetUploadRequested(long videoPostId, VideoPostState state, VideoPostAsset asset, String uploadId,
                                   SourceFile file)
        implements VideoPostEvent {
}
