package io.flipflop.api.transcoding;

/** A new ACTIVE profile of an app. */
public record TranscodingProfileCreated(long profileId, long appId, TranscodingProfileType type, String name,
                                        String description, ProfileSettings profile)
        implements TranscodingProfileEvent {
}
