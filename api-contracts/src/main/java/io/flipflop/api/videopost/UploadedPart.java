package io.flipflop.api.videopost;

/** A part of the source as the client reports it at completion, and as it was stored (reference §10.7). */
public record UploadedPart(int partNumber, String eTag) {
}
