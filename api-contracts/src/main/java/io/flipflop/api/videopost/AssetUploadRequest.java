package io.flipflop.api.videopost;

/** Body of {@code .../thumbnail/request-upload-url} and {@code .../preview/request-upload-url} (ours, §10.8). */
public record AssetUploadRequest(String filename, Long size, String contentType) {
}
