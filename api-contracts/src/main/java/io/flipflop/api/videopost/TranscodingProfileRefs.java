package io.flipflop.api.videopost;

/** The profiles a post uses; all null: the default ladder and thumbnail are used (profiles are not built yet). */
public record TranscodingProfileRefs(Object video, Object preview, Object thumbnail) {
}
