package io.flipflop.api.videoroom;

/** Archiving of an ended broadcast: NOT_ARCHIVED → ARCHIVING → ARCHIVED or FAILED_ARCHIVING. */
public enum VodState {
    NOT_ARCHIVED, ARCHIVING, ARCHIVED, FAILED_ARCHIVING
}
