package io.flipflop.api.videopost;

/** Body of {@code .../src-file/request-upload-urls} (reference §10.6). */
public record UploadUrlsRequest(String filename, Long size, String contentType, Integer multipartCount) {
}
