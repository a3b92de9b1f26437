package io.flipflop.api.error;

/** FlipFlop's error envelope: every error answer has this body, with a stable {@code errorCode}. */
public record ErrorResponse(String errorCode, String errorMessage) {
}
