package io.flipflop.api.videopost;

import io.flipflop.api.transcoding.TranscodingProfileType;

/** The profiles a post uses (reference §13.4), each {@code {id, state, type, name}}; null: that output is not made. */
public record TranscodingProfileRefs(Ref video, Ref preview, Ref thumbnail) {

    /** {@code state} is the profile's now: DELETED once deleted, though the post keeps what it chose. */
    public record Ref(long id, String state, TranscodingProfileType type, String name) {
    }
}
