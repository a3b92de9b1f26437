package io.flipflop.api.webhook;

/** Answer of "send test": the delivery to look for in the delivery log. */
public record TestDeliveryAccepted(String deliveryId) {
}
