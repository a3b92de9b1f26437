package io.flipflop.api.videoroom;

/** The video room state machine's states (SPEC §2). */
public enum VideoRoomState {
    SCHEDULED, CANCELLED, LIVE, LIVE_INACTIVE, ENDED, ARCHIVED
}
