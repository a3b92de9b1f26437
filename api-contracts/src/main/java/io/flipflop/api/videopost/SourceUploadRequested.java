package io.flipflop.api.videopost;

/** Upload URLs were handed out for a new upload; parts of an earlier upload no longer count. */
public record SourceUploadRequested(long videoPostId, VideoPostState state, String uploadId, SourceFile source,
                                    int partCount)
        implements VideoPostEvent {
}
