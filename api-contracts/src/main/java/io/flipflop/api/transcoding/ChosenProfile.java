package io.flipflop.api.transcoding;

/**
 * A profile as a post uses it: its settings copied when it was chosen, so a job runs as chosen even if the profile
 * is deleted later.
 */
public record ChosenProfile(long id, TranscodingProfileType type, String name, ProfileSettings profile) {
}
