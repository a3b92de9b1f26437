package io.flipflop.api.app;

import io.flipflop.api.transcoding.TranscodingProfileType;

/** The app's default profile of {@code type} is {@code profileId} from now on; null: the system's default. */
public record AppDefaultTranscodingProfileChanged(long appId, TranscodingProfileType type, Long profileId)
        implements AppEvent {
}
