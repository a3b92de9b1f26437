package io.flipflop.api.videopost;

/**
 * Commands of a video post (SPEC §2). Commands an app or member sends carry the caller's {@code appId} and, on the
 * member API, {@code ownerMemberId} (null on the App API): a post of another app is not found. The upload and
 * transcoding commands come from the media worker, which stores the files and runs the jobs.
 */
public sealed interface VideoPostCommand permits CreateVideoPost, InspectVideoPost, UpdateVideoPost, DeleteVideoPost,
        AllowMemberOnVideoPost, DisallowMemberOnVideoPost, RequestSourceUpload, RecordSourcePart,
        CompleteSourceUpload, FailSourceUpload, QueueTranscoding, FailQueuing, StartProcessing,
        ReportProcessingProgress, CompleteProcessing, FailProcessing, CancelProcessing, RetryTranscoding,
        CreateArchivePost, RequestAssetUpload, RecordAssetUpload, CompleteAssetUpload {
    long videoPostId();
}
