package io.flipflop.api.webhook;

/** PENDING until an attempt gets a 2xx (DELIVERED) or retries are given up (FAILED). */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED
}
