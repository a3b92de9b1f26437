package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.flipflop.api.transcoding.ChosenProfile;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.ProfileSettings.VideoStream;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcoder and the prober with the real bundled programs: what ffprobe says of a source and of a text file,
 * how a job ends when it is cancelled, runs out of time or out of disk: killed, with its output removed; and that a
 * job makes what its profiles say, checked with ffprobe.
 */
class TranscoderTest {

    private static final long POST = 42;

    @TempDir
    static Path root;
    static PostFiles files;
    static SourceProbe probe;

    @BeforeAll
    static void aSource() throws Exception {
        files = new PostFiles(root);
        Files.createDirectories(files.post(POST));
        Process ffmpeg = BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "8", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-f", "mp4", files.source(POST).toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();
        probe = new SourceProber(Duration.ofSeconds(30)).probe(files.source(POST));
    }

    @Test
    void theProberReadsWhatTheSourceIs() {
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.hasAudio()).isTrue();
        assertThat(probe.durationSeconds()).isBetween(7.9, 8.2);
    }

    @Test
    void theProberRefusesATextFileNamedMp4() throws Exception {
        Path text = root.resolve("notes.mp4");
        Files.writeString(text, "no video here\n".repeat(50));
        assertThatThrownBy(() -> new SourceProber(Duration.ofSeconds(30)).probe(text))
                .isInstanceOf(SourceProber.UnusableSource.class)
                .hasMessageStartingWith("Not a readable video file")
                .hasMessageNotContaining(root.toString());
    }

    @Test
    void aJobPastItsTimeLimitIsKilledAndLeavesNothing() throws Exception {
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMillis(700), 0.0, 4.0));
        Transcoder.Outcome outcome = transcoder.run(POST, probe, ChosenProfiles.DEFAULTS, progress -> { }, () -> true);
        assertThat(outcome).isInstanceOf(Transcoder.Failed.class);
        assertThat(((Transcoder.Failed) outcome).reason()).contains("took longer");
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aJobThatOutgrowsItsDiskLimitIsKilled() throws Exception {
        // a negative factor leaves only the fixed 64 MB slack minus the source: any output passes it soon
        double factor = -(64.0 * (1 << 20)) / Files.size(files.source(POST)) + 0.01;
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, factor));
        Transcoder.Outcome outcome = transcoder.run(POST, probe, ChosenProfiles.DEFAULTS, progress -> { }, () -> true);
        assertThat(outcome).isInstanceOf(Transcoder.Failed.class);
        assertThat(((Transcoder.Failed) outcome).reason()).contains("wrote more than");
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aCancelledJobIsKilledAndLeavesNothing() throws Exception {
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, 4.0));
        AtomicInteger asked = new AtomicInteger();
        Transcoder.Outcome outcome = transcoder.run(POST, probe, ChosenProfiles.DEFAULTS, progress -> { }, () -> asked.incrementAndGet() < 2);
        assertThat(outcome).isInstanceOf(Transcoder.Cancelled.class);
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aFinishedJobReportsProgressAndItsOutputs() throws Exception {
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, 4.0));
        List<Transcoder.Progress> reports = new ArrayList<>();
        Transcoder.Outcome outcome = transcoder.run(POST, probe, ChosenProfiles.DEFAULTS, reports::add, () -> true);
        assertThat(outcome).isInstanceOf(Transcoder.Done.class);
        Transcoder.Done done = (Transcoder.Done) outcome;
        assertThat(done.renditions()).hasSize(3);
        assertThat(done.outputs()).extracting(o -> o.format()).containsExactly("CMAF_HLS", "CMAF_MPEG_DASH", "MP4",
                "JPEG");
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).percent()).isEqualTo(100.0);
        assertThat(files.out(POST).resolve(Transcoder.HLS_MASTER)).exists();
        assertThat(files.out(POST).resolve(Transcoder.THUMBNAIL)).exists();
        assertThat(files.out(POST).resolve(Transcoder.DOWNLOAD)).exists();
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aJobFollowsItsProfilesLadderThumbnailAndPreview() throws Exception {
        long post = 43;
        Files.createDirectories(files.post(post));
        Files.copy(files.source(POST), files.source(post));
        ChosenProfiles custom = new ChosenProfiles(
                new ChosenProfile(200, TranscodingProfileType.VIDEO, "two rungs", ProfileSettings.video(List.of(
                        new VideoStream(480, 900_000), new VideoStream(240, 300_000)), 64_000, false)),
                new ChosenProfile(201, TranscodingProfileType.PREVIEW, "3 s", ProfileSettings.preview(2, 3, 180)),
                new ChosenProfile(202, TranscodingProfileType.THUMBNAIL, "small",
                        ProfileSettings.thumbnail(320, 180, 1.0)));
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, 4.0));

        Transcoder.Outcome outcome = transcoder.run(post, probe, custom, progress -> { }, () -> true);

        assertThat(outcome).isInstanceOf(Transcoder.Done.class);
        Transcoder.Done done = (Transcoder.Done) outcome;
        assertThat(done.renditions()).extracting(Rendition::width, Rendition::height)
                .containsExactly(tuple(854, 480), tuple(426, 240));
        assertThat(done.outputs()).extracting(ProcessedOutput::format, ProcessedOutput::url).containsExactly(
                tuple("CMAF_HLS", "/vod/43/cmaf/master.m3u8"), tuple("CMAF_MPEG_DASH", "/vod/43/cmaf/manifest.mpd"),
                tuple("JPEG", "/vod/43/images/thumbnail.jpg"), tuple("PREVIEW", "/vod/43/images/preview.mp4"));
        Path out = files.out(post);
        assertThat(out.resolve(Transcoder.DOWNLOAD)).as("the profile asks for no MP4").doesNotExist();
        for (int rung = 0; rung < 2; rung++) {
            assertThat(probe(out.resolve("media_" + rung + ".m3u8"), "v:0", "stream=width,height"))
                    .isEqualTo(List.of("854,480", "426,240").get(rung));
        }
        assertThat(probe(out.resolve("media_2.m3u8"), "a:0", "stream=codec_name,bit_rate").split(",")[0])
                .isEqualTo("aac");
        assertThat(probe(out.resolve(Transcoder.THUMBNAIL), "v:0", "stream=codec_name,width,height"))
                .isEqualTo("mjpeg,320,180");
        Path preview = out.resolve(Transcoder.PREVIEW);
        assertThat(probe(preview, "v:0", "stream=codec_name,height")).isEqualTo("h264,180");
        assertThat(probe(preview, "a", "stream=codec_type")).as("no audio").isEmpty();
        assertThat(Double.parseDouble(probe(preview, "v:0", "format=duration"))).isCloseTo(3.0, within(0.1));
    }

    /**
     * ffprobe's first answer for {@code entries} of the selected streams, as CSV without keys ("" for none); an HLS
     * playlist lists its stream once per program.
     */
    private static String probe(Path file, String streams, String entries) throws Exception {
        Process ffprobe = BundledPrograms.ffprobe("-v", "error", "-select_streams", streams, "-show_entries", entries,
                "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String answer = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffprobe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return answer.lines().findFirst().orElse("").strip();
    }

    private static PostMediaSettings settings(Duration minJobTimeout, double timeoutFactor, double outputFactor) {
        return new PostMediaSettings(root, 1, null, null, minJobTimeout, timeoutFactor, outputFactor, null, null);
    }
}
