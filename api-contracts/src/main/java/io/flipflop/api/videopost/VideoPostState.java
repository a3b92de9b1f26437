package io.flipflop.api.videopost;

/** SPEC §2 video post states (reference §14, spelled as DN and SRV spell them). */
public enum VideoPostState {
    CREATED, UPLOADED, QUEUED, PROCESSING, PROCESSED, FAILED_UPLOAD, FAILED_QUEUING, FAILED_PROCESSING
}
