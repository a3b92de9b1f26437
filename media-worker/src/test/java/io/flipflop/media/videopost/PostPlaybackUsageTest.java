package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A post's segment is charged the media time its rendition's HLS playlist gives it, as ffmpeg writes one. */
class PostPlaybackUsageTest {

    @TempDir
    Path out;

    /** Neither the meter nor the post files take part in reading a playlist. */
    private final PostPlaybackUsage usage = new PostPlaybackUsage(null, null);

    @Test
    void aSegmentsTimeIsItsExtinf() throws Exception {
        Path playlist = Files.writeString(out.resolve("media_0.m3u8"), """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:1
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-MAP:URI="init-0.m4s"
                #EXTINF:4.000000,
                seg-0-00001.m4s
                #EXTINF:1.966667,
                seg-0-00002.m4s
                #EXT-X-ENDLIST
                """);

        assertThat(usage.millisOf(playlist, "seg-0-00001.m4s")).isEqualTo(4000);
        assertThat(usage.millisOf(playlist, "seg-0-00002.m4s")).isEqualTo(1967);
    }

    @Test
    void aSegmentTheListDoesNotTimeOrAMissingListHasNoTime() throws Exception {
        Path playlist = Files.writeString(out.resolve("media_0.m3u8"),
                "#EXTM3U\n#EXTINF:4.0,\nseg-0-00001.m4s\n#EXTINF:soon,\nseg-0-00002.m4s\n");

        assertThat(usage.millisOf(playlist, "seg-0-00009.m4s")).isEqualTo(-1);
        assertThat(usage.millisOf(playlist, "seg-0-00002.m4s")).as("not a number").isEqualTo(-1);
        assertThat(usage.millisOf(out.resolve("media_7.m3u8"), "seg-7-00001.m4s")).isEqualTo(-1);
    }

    @Test
    void aPlaylistIsReadAgainOnlyWhenItChanges() throws Exception {
        Path playlist = Files.writeString(out.resolve("media_0.m3u8"), "#EXTM3U\n#EXTINF:4.0,\nseg-0-00001.m4s\n");
        FileTime written = Files.getLastModifiedTime(playlist);
        assertThat(usage.millisOf(playlist, "seg-0-00001.m4s")).isEqualTo(4000);

        Files.writeString(playlist, "#EXTM3U\n#EXTINF:2.0,\nseg-0-00001.m4s\n");
        Files.setLastModifiedTime(playlist, written);
        assertThat(usage.millisOf(playlist, "seg-0-00001.m4s")).as("same modification time: kept").isEqualTo(4000);

        Files.setLastModifiedTime(playlist, FileTime.from(written.toInstant().plusSeconds(1)));
        assertThat(usage.millisOf(playlist, "seg-0-00001.m4s")).as("rewritten by a new transcode").isEqualTo(2000);

        Files.delete(playlist);
        assertThat(usage.millisOf(playlist, "seg-0-00001.m4s")).as("deleted with its post").isEqualTo(-1);
    }
}
