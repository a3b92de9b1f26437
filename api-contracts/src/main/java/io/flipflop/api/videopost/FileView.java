package io.flipflop.api.videopost;

/** A file of a post (reference §13.4). */
public record FileView(long id, String state, String type, String contentType, Long size, String originalFileName,
                       String url, Drm drm) {

    private static final Drm NO_DRM = new Drm(false, null);

    /** A file as every post file is today: ACTIVE and not DRM-protected (the command and query sides both show it). */
    public static FileView active(long id, String type, String contentType, Long size, String originalFileName,
                                  String url) {
        return new FileView(id, "ACTIVE", type, contentType, size, originalFileName, url, NO_DRM);
    }

    public record Drm(boolean isProtected, String contentId) {
    }
}
