package io.flipflop.command.transcoding;

import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.ProfileSettings.AudioStream;
import io.flipflop.api.transcoding.ProfileSettings.VideoStream;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.platform.error.DomainRejection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What an app's profile may ask for, checked before anything is recorded. The bounds keep a job within what a
 * media worker can do (at most 2160p, 6 rungs, a preview of at most 30 s) and every picture size even, as H.264 in
 * 4:2:0 needs. A profile's settings are completed here once (defaults filled in, rungs ordered top first), so the
 * events carry exactly what a job runs with.
 */
public final class TranscodingProfileRules {

    static final int NAME_LIMIT = 100;
    static final int DESCRIPTION_LIMIT = 500;
    static final int MAX_RUNGS = 6;
    static final long DEFAULT_AUDIO_BITRATE = 128_000;
    static final double DEFAULT_THUMBNAIL_OFFSET = 1.0;
    static final double MAX_PREVIEW_SECONDS = 30;

    private TranscodingProfileRules() {
    }

    static void checkText(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new DomainRejection("EMPTY_TRANSCODING_PROFILE_NAME", "name is required");
        }
        if (name.length() > NAME_LIMIT) {
            throw new DomainRejection("TRANSCODING_PROFILE_NAME_SIZE_UPPER_LIMIT_EXCEEDED",
                    "name is longer than " + NAME_LIMIT + " characters");
        }
        if (description != null && description.length() > DESCRIPTION_LIMIT) {
            throw new DomainRejection("TRANSCODING_PROFILE_DESCRIPTION_SIZE_UPPER_LIMIT_EXCEEDED",
                    "description is longer than " + DESCRIPTION_LIMIT + " characters");
        }
    }

    /** The settings checked against the type and completed with the defaults. */
    static ProfileSettings completed(TranscodingProfileType type, ProfileSettings settings) {
        if (type == null) {
            throw new DomainRejection("EMPTY_TRANSCODING_PROFILE_TYPE", "type is required: VIDEO, THUMBNAIL or PREVIEW");
        }
        if (settings == null) {
            throw new DomainRejection("EMPTY_TRANSCODING_PROFILE_SETTINGS", "profile is required");
        }
        return switch (type) {
            case VIDEO -> video(settings);
            case THUMBNAIL -> thumbnail(settings);
            case PREVIEW -> preview(settings);
            case BROADCAST_RTMP -> throw new DomainRejection("UNSUPPORTED_TRANSCODING_PROFILE_TYPE",
                    "BROADCAST_RTMP profiles are not made by apps: live streams are packaged as published");
        };
    }

    private static ProfileSettings video(ProfileSettings s) {
        onlyFieldsOf(TranscodingProfileType.VIDEO, s.width(), s.height(), s.offsetSeconds(), s.startSeconds(),
                s.durationSeconds());
        List<VideoStream> rungs = s.videoStreams() == null ? List.of() : s.videoStreams();
        if (rungs.isEmpty() || rungs.size() > MAX_RUNGS || rungs.stream().anyMatch(Objects::isNull)) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_RUNG_COUNT",
                    "videoStreams must list 1 to " + MAX_RUNGS + " rungs");
        }
        for (VideoStream rung : rungs) {
            height(rung.height(), 144, 2160);
            if (rung.bitrate() < 100_000 || rung.bitrate() > 50_000_000) {
                throw new DomainRejection("INVALID_TRANSCODING_PROFILE_BITRATE",
                        "a rung's bitrate must be 100000 to 50000000 bit/s, was " + rung.bitrate());
            }
        }
        if (new HashSet<>(rungs.stream().map(VideoStream::height).toList()).size() < rungs.size()) {
            throw new DomainRejection("DUPLICATE_TRANSCODING_PROFILE_RUNG", "two rungs have the same height");
        }
        long audio = s.audioStream() == null ? DEFAULT_AUDIO_BITRATE : s.audioStream().bitrate();
        if (audio < 32_000 || audio > 512_000) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_AUDIO_BITRATE",
                    "audioStream.bitrate must be 32000 to 512000 bit/s, was " + audio);
        }
        return new ProfileSettings(rungs.stream().sorted(Comparator.comparingInt(VideoStream::height).reversed())
                .toList(), new AudioStream(audio), Boolean.TRUE.equals(s.mp4Download()), null, null, null, null, null);
    }

    private static ProfileSettings thumbnail(ProfileSettings s) {
        onlyFieldsOf(TranscodingProfileType.THUMBNAIL, s.videoStreams(), s.audioStream(), s.mp4Download(),
                s.startSeconds(), s.durationSeconds());
        if (s.width() == null || s.width() < 16 || s.width() > 3840 || s.width() % 2 != 0) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_WIDTH",
                    "width is required, an even number of pixels from 16 to 3840");
        }
        if (s.height() != null) {
            height(s.height(), 16, 2160);
        }
        double offset = s.offsetSeconds() == null ? DEFAULT_THUMBNAIL_OFFSET : s.offsetSeconds();
        if (!(offset >= 0 && offset <= 86_400)) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_OFFSET",
                    "offsetSeconds must be 0 to 86400 seconds into the video");
        }
        return ProfileSettings.thumbnail(s.width(), s.height(), offset);
    }

    private static ProfileSettings preview(ProfileSettings s) {
        onlyFieldsOf(TranscodingProfileType.PREVIEW, s.videoStreams(), s.audioStream(), s.mp4Download(), s.width(),
                s.offsetSeconds());
        double start = s.startSeconds() == null ? 0 : s.startSeconds();
        if (!(start >= 0 && start <= 86_400)) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_START",
                    "startSeconds must be 0 to 86400 seconds into the video");
        }
        if (s.durationSeconds() == null || !(s.durationSeconds() >= 1 && s.durationSeconds() <= MAX_PREVIEW_SECONDS)) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_DURATION",
                    "durationSeconds is required, 1 to " + (int) MAX_PREVIEW_SECONDS + " seconds");
        }
        if (s.height() == null) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_HEIGHT", "height is required");
        }
        height(s.height(), 144, 1080);
        return ProfileSettings.preview(start, s.durationSeconds(), s.height());
    }

    private static void height(int height, int min, int max) {
        if (height < min || height > max || height % 2 != 0) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_HEIGHT",
                    "a height must be an even number of pixels from " + min + " to " + max + ", was " + height);
        }
    }

    /** A field of another type is a mistake worth telling (a VIDEO profile with a width does not do what is meant). */
    private static void onlyFieldsOf(TranscodingProfileType type, Object... fieldsOfOtherTypes) {
        if (Stream.of(fieldsOfOtherTypes).anyMatch(Objects::nonNull)) {
            throw new DomainRejection("INVALID_TRANSCODING_PROFILE_SETTINGS",
                    "profile has fields that a " + type + " profile does not use");
        }
    }
}
