package io.flipflop.api.transcoding;

/** Events of an app's transcoding profile. */
public sealed interface TranscodingProfileEvent permits TranscodingProfileCreated, TranscodingProfileDeleted {
    long profileId();

    long appId();
}
