package io.flipflop.api.transcoding;

/** The profile is DELETED: no post may choose it any more. */
public record TranscodingProfileDeleted(long profileId, long appId, TranscodingProfileType type)
        implements TranscodingProfileEvent {
}
