package io.flipflop.api.videopost;

/** An uploaded thumbnail or preview as re-encoded and served: {@code size} is the served file's. */
public record UploadedAsset(String url, String contentType, long size, String originalFileName) {
}
