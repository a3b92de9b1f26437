package io.flipflop.api.app;

/** Body of {@code POST /console/v1/apps}. */
public record CreateAppRequest(String name) {
}
