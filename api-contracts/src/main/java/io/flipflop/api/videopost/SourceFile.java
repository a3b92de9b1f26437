package io.flipflop.api.videopost;

/** The source file a client declared when it asked for upload URLs (reference §10.6). */
public record SourceFile(String filename, long size, String contentType) {
}
