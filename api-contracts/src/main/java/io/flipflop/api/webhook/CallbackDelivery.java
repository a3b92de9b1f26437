package io.flipflop.api.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One webhook delivery and every attempt at it. {@code resourceId} is the stream key or video room whose change
 * it carries (the app for a test delivery); {@code nextAttemptAt} is null once it is no longer PENDING.
 */
public record CallbackDelivery(String deliveryId, String type, String resourceId, DeliveryState state,
                               Instant createdAt, Instant nextAttemptAt, List<DeliveryAttempt> attempts) {
}
