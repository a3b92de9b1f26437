package io.flipflop.api.videoroom;

/** {@code policy} of a room; the SDK requires the object (reference §21.7). */
public record VideoRoomPolicy(boolean hasPassword, boolean manuallyApproval, boolean canAutoRoomCompositeRecording) {
}
