package io.flipflop.api.videopost;

/** What ffprobe found in an uploaded source: the facts the ladder is chosen from. */
public record SourceProbe(double durationSeconds, int width, int height, boolean hasAudio, String formatName) {
}
