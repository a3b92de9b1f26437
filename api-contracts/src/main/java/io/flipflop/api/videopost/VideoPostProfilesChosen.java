package io.flipflop.api.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;

/** The post's transcoding profiles, with their settings as they were when chosen: at creation and on change. */
public record VideoPostProfilesChosen(long videoPostId, VideoPostState state, ChosenProfiles profiles)
        implements VideoPostEvent {
}
