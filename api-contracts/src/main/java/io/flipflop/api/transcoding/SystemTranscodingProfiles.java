package io.flipflop.api.transcoding;

import io.flipflop.api.transcoding.ProfileSettings.VideoStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The profiles shipped with the platform (reference §9: "predefined profiles that any app can use"), with fixed
 * small ids that docs/API.md lists. They are data, not events: every side knows them without reading a stream.
 * Ids handed out to app profiles skip {@link #MAX_ID} and below.
 */
public final class SystemTranscodingProfiles {

    /** When the shipped profiles were defined; their createdAt and lastModifiedAt. */
    public static final Instant DEFINED_AT = Instant.parse("2026-11-28T00:00:00Z");

    public static final SystemProfile DEFAULT_VIDEO = new SystemProfile(1, TranscodingProfileType.VIDEO,
            "Default ladder 1080p-360p", "H.264 1080p 5 Mbit/s, 720p 2.8, 480p 1.4, 360p 0.8, AAC 128 kbit/s, "
            + "MP4 download; rungs above the source are skipped", true,
            ProfileSettings.video(List.of(new VideoStream(1080, 5_000_000), new VideoStream(720, 2_800_000),
                    new VideoStream(480, 1_400_000), new VideoStream(360, 800_000)), 128_000, true));
    public static final SystemProfile SMALL_VIDEO = new SystemProfile(2, TranscodingProfileType.VIDEO,
            "Small ladder 720p-360p", "H.264 720p 2.8 Mbit/s and 360p 0.8, AAC 96 kbit/s, no MP4 download", false,
            ProfileSettings.video(List.of(new VideoStream(720, 2_800_000), new VideoStream(360, 800_000)), 96_000,
                    false));
    public static final SystemProfile DEFAULT_THUMBNAIL = new SystemProfile(3, TranscodingProfileType.THUMBNAIL,
            "Default thumbnail", "JPEG 640 pixels wide at 1 s (the middle of a shorter video)", true,
            ProfileSettings.thumbnail(640, null, 1.0));
    public static final SystemProfile DEFAULT_PREVIEW = new SystemProfile(4, TranscodingProfileType.PREVIEW,
            "Default preview", "The first 5 s, H.264 MP4 320 pixels high, no audio", true,
            ProfileSettings.preview(0.0, 5.0, 320));

    public static final List<SystemProfile> ALL = List.of(DEFAULT_VIDEO, SMALL_VIDEO, DEFAULT_THUMBNAIL,
            DEFAULT_PREVIEW);
    public static final long MAX_ID = 100;

    /**
     * A shipped profile; {@code representative}: the one used for its type when a post names none and its app chose
     * no default (PREVIEW: the one suggested, as a post without a preview profile gets no preview).
     */
    public record SystemProfile(long id, TranscodingProfileType type, String name, String description,
                                boolean representative, ProfileSettings profile) {

        public ChosenProfile chosen() {
            return new ChosenProfile(id, type, name, profile);
        }
    }

    private SystemTranscodingProfiles() {
    }

    public static Optional<SystemProfile> find(long id) {
        return ALL.stream().filter(profile -> profile.id() == id).findFirst();
    }
}
