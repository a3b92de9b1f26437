package io.flipflop.api.videoroom;

import io.flipflop.api.streamkey.StreamKeyState;

/** The stream key as nested in a room while on air. */
public record StreamKeyRef(long id, String state, StreamKeyState streamKeyState) {
}
