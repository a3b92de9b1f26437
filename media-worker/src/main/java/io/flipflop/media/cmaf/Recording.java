package io.flipflop.media.cmaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every segment of a live stream, on disk, for the archive: the init segments, the segments under the names
 * the live playlists use, an append-only HLS playlist ({@link MediaNames#RECORDING_PLAYLIST}) that lists
 * all of them and ends with EXT-X-ENDLIST when the broadcast ends, and an index ({@link MediaNames#RECORDING_INDEX},
 * one {@link IndexLine} per segment) with what the VOD needs and a playlist does not say: the segment's
 * decode time, size, and when it was complete. The live window reads old segments back from here instead of holding them in
 * memory. A failing disk is logged and does not stop the live stream.
 */
final class Recording {

    private static final Logger log = LoggerFactory.getLogger(Recording.class);

    private final Path dir;
    private int lastPeriod = -1;

    Recording(Path dir, int targetDurationSeconds) {
        this.dir = dir;
        append(MediaNames.RECORDING_PLAYLIST, "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:" + targetDurationSeconds
                + "\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-MEDIA-SEQUENCE:0\n");
    }

    Path dir() {
        return dir;
    }

    void init(InitSegment init) {
        write(MediaNames.init(init.period()), init.bytes());
    }

    /** @param completedAt when its last part arrived: what the VOD goes by to leave the preview out */
    void segment(Segment segment, byte[] bytes, Instant completedAt) {
        write(MediaNames.segment(segment.msn()), bytes);
        StringBuilder lines = new StringBuilder(160);
        HlsMediaPlaylist.segmentTags(lines, segment, segment.period() != lastPeriod);
        lastPeriod = segment.period();
        lines.append("#EXTINF:").append(HlsMediaPlaylist.seconds(segment.duration())).append(",\n")
                .append(MediaNames.segment(segment.msn())).append('\n');
        append(MediaNames.RECORDING_PLAYLIST, lines.toString());
        append(MediaNames.RECORDING_INDEX, IndexLine.of(segment, completedAt).text());
    }

    void end() {
        append(MediaNames.RECORDING_PLAYLIST, "#EXT-X-ENDLIST\n");
    }

    Optional<byte[]> read(String name) {
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read {} of recording {}", name, dir, e);
            return Optional.empty();
        }
    }

    private void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            log.warn("Cannot write {} of recording {}", name, dir, e);
        }
    }

    private void append(String name, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot append to {} of recording {}", name, dir, e);
        }
    }

    /**
     * A segment as the index records it: tab-separated msn, period, discontinuity (0/1), decode start and
     * duration (milliseconds), size (bytes), program date-time and completion time (ISO-8601).
     */
    record IndexLine(long msn, int period, boolean discontinuity, long start, long duration, long size,
                     Instant programDateTime, Instant completedAt) {

        static IndexLine of(Segment segment, Instant completedAt) {
            return new IndexLine(segment.msn(), segment.period(), segment.discontinuity(), segment.start(),
                    segment.duration(), segment.size(), segment.programDateTime(), completedAt);
        }

        String text() {
            return msn + "\t" + period + "\t" + (discontinuity ? 1 : 0) + "\t" + start + "\t" + duration + "\t" + size
                    + "\t" + programDateTime + "\t" + completedAt + "\n";
        }

        /** @throws IllegalArgumentException a line this class did not write (or a torn last line) */
        static IndexLine parse(String line) {
            String[] f = line.split("\t");
            if (f.length != 8) {
                throw new IllegalArgumentException("Not an index line: " + line);
            }
            try {
                return new IndexLine(Long.parseLong(f[0]), Integer.parseInt(f[1]), "1".equals(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Instant.parse(f[6]),
                        Instant.parse(f[7]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not an index line: " + line, e);
            }
        }
    }
}
