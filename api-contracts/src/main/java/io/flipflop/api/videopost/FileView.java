package io.flipflop.api.videopost;

/** A file of a post (reference §13.4). */
public record FileView(long id, String state, String type, String contentType, Long size, String originalFileName,
                       String url, Drm drm) {

    public record Drm(boolean isProtected, String contentId) {
    }
}
