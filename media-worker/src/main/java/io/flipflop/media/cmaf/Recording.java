package io.flipflop.media.cmaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every segment of a live stream, on disk, for the archive: the init segments, the segments under the names
 * the live playlists use, and an append-only HLS playlist ({@link MediaNames#RECORDING_PLAYLIST}) that lists
 * all of them and ends with EXT-X-ENDLIST when the broadcast ends. The live window reads old segments back
 * from here instead of holding them in memory. A failing disk is logged and does not stop the live stream.
 */
final class Recording {

    private static final Logger log = LoggerFactory.getLogger(Recording.class);

    private final Path dir;
    private int lastPeriod = -1;

    Recording(Path dir, int targetDurationSeconds) {
        this.dir = dir;
        append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:" + targetDurationSeconds
                + "\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-MEDIA-SEQUENCE:0\n");
    }

    Path dir() {
        return dir;
    }

    void init(InitSegment init) {
        write(MediaNames.init(init.period()), init.bytes());
    }

    void segment(Segment segment, byte[] bytes) {
        write(MediaNames.segment(segment.msn()), bytes);
        StringBuilder lines = new StringBuilder(160);
        HlsMediaPlaylist.segmentTags(lines, segment, segment.period() != lastPeriod);
        lastPeriod = segment.period();
        lines.append("#EXTINF:").append(HlsMediaPlaylist.seconds(segment.duration())).append(",\n")
                .append(MediaNames.segment(segment.msn())).append('\n');
        append(lines.toString());
    }

    void end() {
        append("#EXT-X-ENDLIST\n");
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

    private void append(String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MediaNames.RECORDING_PLAYLIST), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot append to the playlist of recording {}", dir, e);
        }
    }
}
