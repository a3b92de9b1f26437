package io.flipflop.api.webhook;

import java.time.Instant;

/** One POST to the callback: the status it answered, or why there was no answer ({@code error}). */
public record DeliveryAttempt(Instant attemptedAt, Integer statusCode, String error, long durationMs) {
}
