package io.flipflop.api.videopost;

/**
 * One output of a finished transcoding: {@code format} is {@code CMAF_HLS}, {@code CMAF_MPEG_DASH} (reference
 * §13.4), {@code MP4}, {@code JPEG} for the thumbnail or {@code PREVIEW} for the preview clip; {@code url} is a path on the playback origin ({@code /vod/...}),
 * {@code size} the bytes of all files the output consists of.
 */
public record ProcessedOutput(String format, long size, String url) {
}
