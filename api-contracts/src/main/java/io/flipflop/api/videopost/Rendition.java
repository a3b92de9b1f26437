package io.flipflop.api.videopost;

/** A rung of the ladder as it was encoded. */
public record Rendition(int width, int height, long videoBitrate) {
}
