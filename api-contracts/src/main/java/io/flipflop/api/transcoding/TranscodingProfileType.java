package io.flipflop.api.transcoding;

/** What a transcoding profile shapes (reference §9, §14): a post's ladder, thumbnail or preview, or a stream key's output. */
public enum TranscodingProfileType {
    VIDEO, THUMBNAIL, PREVIEW, BROADCAST_RTMP
}
