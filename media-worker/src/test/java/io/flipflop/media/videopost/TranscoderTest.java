package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.media.ffmpeg.BundledPrograms;
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
 * and how a job ends when it is cancelled, runs out of time or out of disk: killed, with its output removed.
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
        Transcoder.Outcome outcome = transcoder.run(POST, probe, progress -> { }, () -> true);
        assertThat(outcome).isInstanceOf(Transcoder.Failed.class);
        assertThat(((Transcoder.Failed) outcome).reason()).contains("took longer");
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aJobThatOutgrowsItsDiskLimitIsKilled() throws Exception {
        // a negative factor leaves only the fixed 64 MB slack minus the source: any output passes it soon
        double factor = -(64.0 * (1 << 20)) / Files.size(files.source(POST)) + 0.01;
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, factor));
        Transcoder.Outcome outcome = transcoder.run(POST, probe, progress -> { }, () -> true);
        assertThat(outcome).isInstanceOf(Transcoder.Failed.class);
        assertThat(((Transcoder.Failed) outcome).reason()).contains("wrote more than");
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aCancelledJobIsKilledAndLeavesNothing() throws Exception {
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, 4.0));
        AtomicInteger asked = new AtomicInteger();
        Transcoder.Outcome outcome = transcoder.run(POST, probe, progress -> { }, () -> asked.incrementAndGet() < 2);
        assertThat(outcome).isInstanceOf(Transcoder.Cancelled.class);
        assertThat(files.work(POST)).doesNotExist();
    }

    @Test
    void aFinishedJobReportsProgressAndItsOutputs() throws Exception {
        Transcoder transcoder = new Transcoder(files, settings(Duration.ofMinutes(5), 20.0, 4.0));
        List<Transcoder.Progress> reports = new ArrayList<>();
        Transcoder.Outcome outcome = transcoder.run(POST, probe, reports::add, () -> true);
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

    private static PostMediaSettings settings(Duration minJobTimeout, double timeoutFactor, double outputFactor) {
        return new PostMediaSettings(root, 1, null, null, minJobTimeout, timeoutFactor, outputFactor, null, null);
    }
}
