package io.flipflop.api.streamkey;

/** The stream key state machine's states (SPEC §2, reference §15). */
public enum StreamKeyState {
    INACTIVE, ACTIVE_PREP, ACTIVE, ACTIVE_LIVE, INACTIVE_LIVE, ACTIVE_LIVE_PREP
}
