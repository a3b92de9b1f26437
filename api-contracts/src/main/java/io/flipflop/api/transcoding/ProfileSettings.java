package io.flipflop.api.transcoding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A profile's {@code profile} object (reference §13.5, shaped after the stream key's profile of §13.2). Each type
 * uses its own fields and leaves the others out: VIDEO {@code videoStreams} (the rungs: height and video bitrate
 * in bit/s), {@code audioStream} (AAC bitrate) and {@code mp4Download}; THUMBNAIL {@code width}, {@code height}
 * (absent: keep the source's aspect) and {@code offsetSeconds}; PREVIEW {@code startSeconds},
 * {@code durationSeconds} and {@code height}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileSettings(List<VideoStream> videoStreams, AudioStream audioStream, Boolean mp4Download,
                              Integer width, Integer height, Double offsetSeconds, Double startSeconds,
                              Double durationSeconds) {

    /** A rung of a VIDEO profile; its width follows the source's aspect ratio. */
    public record VideoStream(int height, long bitrate) {
    }

    public record AudioStream(long bitrate) {
    }

    public static ProfileSettings video(List<VideoStream> rungs, long audioBitrate, boolean mp4Download) {
        return new ProfileSettings(rungs, new AudioStream(audioBitrate), mp4Download, null, null, null, null, null);
    }

    public static ProfileSettings thumbnail(int width, Integer height, double offsetSeconds) {
        return new ProfileSettings(null, null, null, width, height, offsetSeconds, null, null);
    }

    public static ProfileSettings preview(double startSeconds, double durationSeconds, int height) {
        return new ProfileSettings(null, null, null, null, height, null, startSeconds, durationSeconds);
    }
}
