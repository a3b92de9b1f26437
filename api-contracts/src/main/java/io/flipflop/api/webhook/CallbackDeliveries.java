package io.flipflop.api.webhook;

import java.util.List;

/** Answer of {@code GET /console/v1/apps/{appId}/callback/deliveries}: newest first. */
public record CallbackDeliveries(List<CallbackDelivery> deliveries) {
}
