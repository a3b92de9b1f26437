package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.media.stream.FlvTag;
import io.flipflop.media.stream.MediaSink;
import io.flipflop.media.stream.PublishedStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of two publishes (a publisher that dropped and came back), packaged by the real sink, becomes a
 * VOD that ffprobe reads whole from the files on disk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VodPackagerTest {

    private static final int SECONDS = 8;

    private Path dir;
    private AvioCallbacks callbacks;
    private LiveStream recorded;

    @BeforeAll
    void recordTwoPublishes(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        List<FlvTag> tags = TestMedia.readFlv(TestMedia.makeFlv(dir, SECONDS));
        callbacks = new AvioCallbacks();
        CmafSettings settings = new CmafSettings(null, null, null, 0, dir.resolve("data"));
        LiveStreams streams = new LiveStreams(settings);
        CmafSinkFactory factory = new CmafSinkFactory(streams, callbacks, settings);
        PublishedStream stream = new PublishedStream(7, 1, 1, "w", OutputMode.CMAF);
        for (int publish = 0; publish < 2; publish++) {
            try (MediaSink sink = factory.open(stream, () -> { })) {
                tags.forEach(sink::accept);
            }
        }
        recorded = streams.end(7).orElseThrow();
    }

    @AfterAll
    void freeCallbacks() {
        callbacks.destroy();
    }

    @Test
    void twoPublishesBecomeAnEndedHlsPlaylistAndAStaticMpdOnOneTimeline() throws Exception {
        Path vod = dir.resolve("vod-whole");

        VodPackager.build(recorded.recordingDirectory(), vod, null, Clock.systemUTC());

        String playlist = Files.readString(vod.resolve(MediaNames.MEDIA_PLAYLIST));
        assertThat(playlist).startsWith("#EXTM3U\n").contains("#EXT-X-PLAYLIST-TYPE:VOD\n", "#EXT-X-ENDLIST\n",
                "#EXT-X-MAP:URI=\"init-0.mp4\"", "#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-0.mp4\"")
                .doesNotContain("#EXT-X-PART", "PRELOAD-HINT", "SERVER-CONTROL");
        assertThat(Files.readString(vod.resolve(MediaNames.MULTIVARIANT))).contains("CODECS=\"avc1.",
                MediaNames.MEDIA_PLAYLIST);
        String mpd = Files.readString(vod.resolve(MediaNames.MPD));
        assertThat(mpd).contains("type=\"static\"", "<Period id=\"0\" start=\"PT0.000S\">")
                .doesNotContain("<Period id=\"1\"", "availabilityTimeOffset", "UTCTiming", "availabilityStartTime");
        assertThat(startTimes(mpd)).as("one timeline through both publishes").isSorted().doesNotHaveDuplicates();
        for (String file : List.of(MediaNames.MULTIVARIANT, MediaNames.MPD)) {
            String probe = TestMedia.probe(vod.resolve(file));
            assertThat(probe).as(file).contains("\"h264\"", "\"aac\"");
            assertThat(TestMedia.duration(probe)).as(file).isCloseTo(2 * SECONDS, offset(2.0));
        }
    }

    @Test
    void aPublishWithAnotherInitSegmentStartsANewPeriod() throws Exception {
        Path copy = copyOfRecording("recording-other-encoder");
        byte[] init = Files.readAllBytes(copy.resolve(MediaNames.init(1)));
        init[12] ^= 1; // the ftyp minor version: another header, as another encoder would write
        Files.write(copy.resolve(MediaNames.init(1)), init);
        Path vod = dir.resolve("vod-two-periods");

        VodPackager.build(copy, vod, null, Clock.systemUTC());

        assertThat(Files.readString(vod.resolve(MediaNames.MEDIA_PLAYLIST)))
                .contains("#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-1.mp4\"");
        assertThat(Files.readString(vod.resolve(MediaNames.MPD))).contains("<Period id=\"0\"", "<Period id=\"1\"",
                "initialization=\"init-1.mp4\"");
    }

    @Test
    void segmentsCompleteBeforeGoingLiveStayOut() throws Exception {
        Path vod = dir.resolve("vod-second-publish");
        Recording.IndexLine lastOfFirst = Files.readAllLines(recorded.recordingDirectory()
                        .resolve(MediaNames.RECORDING_INDEX)).stream().map(Recording.IndexLine::parse)
                .filter(line -> line.period() == 0).reduce((a, b) -> b).orElseThrow();

        VodPackager.build(recorded.recordingDirectory(), vod, lastOfFirst.completedAt(), Clock.systemUTC());

        String playlist = Files.readString(vod.resolve(MediaNames.MEDIA_PLAYLIST));
        assertThat(playlist).contains("#EXT-X-MAP:URI=\"init-1.mp4\"").doesNotContain("init-0.mp4",
                "#EXT-X-DISCONTINUITY", MediaNames.segment(lastOfFirst.msn()) + "\n");
        assertThat(Files.exists(vod.resolve(MediaNames.init(0)))).isFalse();
        assertThat(TestMedia.duration(TestMedia.probe(vod.resolve(MediaNames.MEDIA_PLAYLIST))))
                .isCloseTo(SECONDS, offset(2.0));
    }

    @Test
    void aMissingRecordingFailsWithAReasonAndLeavesNoVod() {
        Path vod = dir.resolve("vod-of-nothing");

        assertThatThrownBy(() -> VodPackager.build(dir.resolve("no-such-recording"), vod, null, Clock.systemUTC()))
                .isInstanceOfSatisfying(VodPackager.VodFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo("The recording is missing"));
        assertThat(Files.exists(vod)).isFalse();
    }

    @Test
    void aMissingSegmentFailsWithAReasonAndLeavesNoVod() throws Exception {
        Path copy = copyOfRecording("damaged-recording");
        Files.delete(copy.resolve(MediaNames.segment(1)));
        Path vod = dir.resolve("vod-of-damaged");

        assertThatThrownBy(() -> VodPackager.build(copy, vod, null, Clock.systemUTC()))
                .isInstanceOfSatisfying(VodPackager.VodFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo("A segment of the recording is missing"));
        assertThat(Files.exists(vod)).isFalse();
        assertThat(Files.exists(dir.resolve("vod-of-damaged.staging"))).as("nothing half written left").isFalse();
    }

    private Path copyOfRecording(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(recorded.recordingDirectory())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** The S@t values of an MPD's SegmentTimeline, in order. */
    private static List<Long> startTimes(String mpd) {
        return Pattern.compile("<S t=\"(\\d+)\"").matcher(mpd).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }
}
