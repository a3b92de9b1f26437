package io.flipflop.api.transcoding;

/**
 * The profiles of a post's transcoding; {@code preview} or {@code thumbnail} null: that output is not made.
 * Null as a whole (events of posts made before profiles existed): the system's default ladder and thumbnail.
 */
public record ChosenProfiles(ChosenProfile video, ChosenProfile preview, ChosenProfile thumbnail) {

    /**
     * What a post gets when it names no profile: the default ladder and thumbnail, no preview. Also what a post made
     * before profiles existed was transcoded with.
     */
    public static final ChosenProfiles DEFAULTS = new ChosenProfiles(
            SystemTranscodingProfiles.DEFAULT_VIDEO.chosen(), null,
            SystemTranscodingProfiles.DEFAULT_THUMBNAIL.chosen());
}
