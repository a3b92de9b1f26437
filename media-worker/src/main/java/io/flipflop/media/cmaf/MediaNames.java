package io.flipflop.media.cmaf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file names the playlists and the MPD refer to, relative to the stream's base URL; the origin maps a
 * request's last path element back with {@link #parse}.
 */
public final class MediaNames {

    public static final String MULTIVARIANT = "index.m3u8";
    public static final String MEDIA_PLAYLIST = "media.m3u8";
    public static final String MPD = "manifest.mpd";
    /** The recording's own append-only playlist, next to its segments on disk. */
    public static final String RECORDING_PLAYLIST = "recording.m3u8";
    /** The recording's segment index ({@link Recording.IndexLine}), next to its segments on disk. */
    public static final String RECORDING_INDEX = "recording.index";

    private static final Pattern NUMBERED = Pattern.compile("(init|seg|part)-(\\d{1,18})\\.(mp4|m4s)");

    private MediaNames() {
    }

    static String init(int period) {
        return "init-" + period + ".mp4";
    }

    static String segment(long msn) {
        return "seg-" + msn + ".m4s";
    }

    static String part(long sequence) {
        return "part-" + sequence + ".m4s";
    }

    /** The DASH SegmentTemplate media pattern, the same names as {@link #segment}. */
    static String segmentTemplate() {
        return "seg-$Number$.m4s";
    }

    public enum Kind { INIT, SEGMENT, PART }

    /** A numbered media file name. */
    public record Numbered(Kind kind, long number) {
    }

    /** Reads {@code init-3.mp4}, {@code seg-12.m4s} or {@code part-345.m4s}; anything else is empty. */
    public static Optional<Numbered> parse(String name) {
        Matcher m = NUMBERED.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = switch (m.group(1)) {
            case "init" -> Kind.INIT;
            case "seg" -> Kind.SEGMENT;
            default -> Kind.PART;
        };
        boolean rightExtension = (kind == Kind.INIT) == m.group(3).equals("mp4");
        return rightExtension ? Optional.of(new Numbered(kind, Long.parseLong(m.group(2)))) : Optional.empty();
    }
}
