package io.flipflop.api.videopost;

/**
 * Events of a video post's stream. Each carries the post's state afterwards, so projections fold events without
 * re-deriving transitions; the event's timestamp is the moment of the change.
 */
public sealed interface VideoPostEvent permits VideoPostCreated, VideoPostUpdated, VideoPostDeleted,
        MemberAllowedOnVideoPost, MemberDisallowedOnVideoPost, SourceUploadRequested, SourcePartStored,
        SourceUploaded, SourceUploadFailed, TranscodingQueued, TranscodingQueuingFailed, ProcessingStarted,
        ProcessingProgressed, VideoPostProcessed, ProcessingFailed, TranscodingRetryRequested, ArchivePostCreated,
        AssetUploadRequested, AssetUploadStored, AssetUploaded, VideoPostProfilesChosen {
    long videoPostId();

    VideoPostState state();
}
