package io.flipflop.api.videopost;

/**
 * A picture of a post that the app may upload itself (reference §10.8), beside the one transcoding makes. Each is
 * re-encoded by the media worker into one fixed file, served at {@code /vod/{videoPostId}/images/{fileName}}.
 */
public enum VideoPostAsset {
    THUMBNAIL("thumbnail", "thumbnail.jpg", "image/jpeg"),
    PREVIEW("preview", "preview.mp4", "video/mp4");

    private final String pathName;
    private final String fileName;
    private final String contentType;

    VideoPostAsset(String pathName, String fileName, String contentType) {
        this.pathName = pathName;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    /** How its upload path and signed grant name it. */
    public String pathName() {
        return pathName;
    }

    /** The name of the re-encoded file, the same for an uploaded and a generated one. */
    public String fileName() {
        return fileName;
    }

    /** The content type of the re-encoded file. */
    public String contentType() {
        return contentType;
    }

    /** Where the origin serves it. */
    public String url(long videoPostId) {
        return "/vod/" + videoPostId + "/images/" + fileName;
    }
}
