package io.flipflop.api.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;

/**
 * A retry was asked for; {@code state} (FAILED_QUEUING or FAILED_PROCESSING) says which step runs again;
 * {@code profiles} those the job is queued with again.
 */
public record TranscodingRetryRequested(long videoPostId, VideoPostState state, ChosenProfiles profiles)
        implements VideoPostEvent {
}
