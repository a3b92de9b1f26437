package io.flipflop.media.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.bench.CpuTime;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How fast a video post is transcoded through our {@link Transcoder} (the code path the transcoding queue runs:
 * ffmpeg as a supervised child process with progress parsing, the watch loop over time, disk and cancellation, then
 * the MP4 download and the thumbnail), against the very same three ffmpeg commands ({@link Transcoder#ladder},
 * {@link Transcoder#download}, {@link Transcoder#thumbnail}) run directly as plain child processes, side by side in
 * one run, with the profiles a post gets when it names none (the default ladder, its MP4 download and the
 * default thumbnail). The source is generated once: 1080p30 {@code testsrc2} with a sine tone, H.264 8 Mbit/s + AAC in MP4, so
 * the default ladder has all four rungs. Runs alternate (ours first, then the direct run first) so that a machine
 * getting busier or quieter does not favour one, after one unreported run of each (the first ffmpeg of a run loads
 * its libraries from disk); the figures are the medians. Besides wall time (× realtime), each
 * run's CPU time of its ffmpeg children is read from {@code /proc/self/stat} (the reaped children's user + system
 * time), which other load on a shared machine disturbs far less, and so is the bench JVM's own CPU time during the
 * run: what supervising ffmpeg (progress parsing, the watch loop) costs, next to the direct run's waiting.
 * <p>
 * It sits in the transcoder's package (in the bench module) because the transcoder is package-private: it is no
 * API, and only this benchmark needs to reach it from outside the media worker.
 * Run: {@code ./mvnw -B -q -Pbench -pl bench -am verify -DskipTests
 * -Dexec.mainClass=io.flipflop.media.videopost.TranscodeBenchmark} ({@code -Dtranscode.rounds=1
 * -Dtranscode.seconds=10} for a quick look).
 */
public final class TranscodeBenchmark {

    private static final int ROUNDS = Integer.getInteger("transcode.rounds", 3);
    private static final int SECONDS = Integer.getInteger("transcode.seconds", 24);
    private static final long OURS = 1;
    private static final long DIRECT = 2;
    /** The default ladder, which every post gets when it names no VIDEO profile. */
    private static final ProfileSettings VIDEO = ChosenProfiles.DEFAULTS.video().profile();

    private TranscodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("flipflop-transcode-bench");
        PostFiles files = new PostFiles(root);
        Path source = root.resolve("source.mp4");
        run(BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(SECONDS), "-c:v", "libx264", "-preset", "veryfast", "-b:v", "8M",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-f", "mp4", source.toString()));
        for (long post : List.of(OURS, DIRECT)) {
            Files.createDirectories(files.post(post));
            Files.copy(source, files.source(post));
        }
        SourceProbe probe = new SourceProber(Duration.ofSeconds(60)).probe(source);
        System.out.printf("source: %dx%d, %.2f s, audio %s, %d rungs%n", probe.width(), probe.height(),
                probe.durationSeconds(), probe.hasAudio(), Ladder.forSource(probe, VIDEO).size());
        Transcoder transcoder = new Transcoder(files, new PostMediaSettings(root, null, null, null, null, null, null,
                null, null));

        // warm-up, not reported: the first ffmpeg of a run loads its libraries from disk, whichever path runs it
        throughTranscoder(transcoder, files, probe);
        directly(files, probe);

        List<Double> ours = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> directCpu = new ArrayList<>();
        List<Double> oursJvm = new ArrayList<>();
        List<Double> directJvm = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean oursFirst = round % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                double cpuBefore = CpuTime.ofEndedChildren();
                double jvmBefore = CpuTime.ofThisJvm();
                if (oursFirst == (turn == 0)) {
                    ours.add(probe.durationSeconds() / throughTranscoder(transcoder, files, probe));
                    oursCpu.add(CpuTime.ofEndedChildren() - cpuBefore);
                    oursJvm.add(CpuTime.ofThisJvm() - jvmBefore);
                } else {
                    direct.add(probe.durationSeconds() / directly(files, probe));
                    directCpu.add(CpuTime.ofEndedChildren() - cpuBefore);
                    directJvm.add(CpuTime.ofThisJvm() - jvmBefore);
                }
            }
            System.out.printf("round %d: ours %.3f× realtime (ffmpeg %.1f CPU-s, JVM %.2f CPU-s), direct %.3f×"
                    + " realtime (ffmpeg %.1f CPU-s, JVM %.2f CPU-s)%n", round + 1, ours.get(round),
                    oursCpu.get(round), oursJvm.get(round), direct.get(round), directCpu.get(round),
                    directJvm.get(round));
        }
        double oursMedian = median(ours);
        double directMedian = median(direct);
        System.out.println();
        System.out.println("| run | × realtime (median of " + ROUNDS + ") | per round | ffmpeg CPU-s (median)"
                + " | bench JVM CPU-s (median) |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| our Transcoder | %.3f | %s | %.1f | %.2f |%n", oursMedian, list(ours), median(oursCpu),
                median(oursJvm));
        System.out.printf("| same ffmpeg commands, direct | %.3f | %s | %.1f | %.2f |%n", directMedian, list(direct),
                median(directCpu), median(directJvm));
        System.out.printf("ours / direct: %.3f × realtime (target ≥ 0.95); CPU ours / direct: %.3f%n",
                oursMedian / directMedian, median(oursCpu) / median(directCpu));
        PostFiles.delete(root);
    }

    /** Wall seconds of one {@link Transcoder#run}, as the queue's worker calls it; its output is removed after. */
    private static double throughTranscoder(Transcoder transcoder, PostFiles files, SourceProbe probe)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Transcoder.Outcome outcome = transcoder.run(OURS, probe, ChosenProfiles.DEFAULTS, progress -> { }, () -> true);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(outcome instanceof Transcoder.Done)) {
            throw new IllegalStateException("The transcoder did not finish: " + outcome);
        }
        PostFiles.delete(files.out(OURS));
        return seconds;
    }

    /** Wall seconds of the same three commands, one after the other, each a plain child process. */
    private static double directly(PostFiles files, SourceProbe probe) throws IOException, InterruptedException {
        Path work = files.work(DIRECT);
        PostFiles.delete(work);
        Files.createDirectories(work);
        Path source = files.source(DIRECT);
        long start = System.nanoTime();
        run(Transcoder.ladder(source, work, Ladder.forSource(probe, VIDEO), VIDEO, probe)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        run(Transcoder.download(work, Ladder.forSource(probe, VIDEO).size(), probe.hasAudio()));
        run(Transcoder.thumbnail(source, work, probe, ChosenProfiles.DEFAULTS.thumbnail().profile()));
        double seconds = (System.nanoTime() - start) / 1e9;
        PostFiles.delete(work);
        return seconds;
    }

    private static void run(ProcessBuilder command) throws IOException, InterruptedException {
        if (command.redirectError().file() == null) {
            command.redirectErrorStream(true);
        }
        Process process = command.start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.command() + " failed with " + process.exitValue());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format("%.3f", value)).toList());
    }
}
