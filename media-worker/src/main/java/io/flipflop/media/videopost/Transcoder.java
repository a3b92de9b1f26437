package io.flipflop.media.videopost;

import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one post's transcoding with the bundled {@code ffmpeg} as a child process (SPEC §5: a native crash never
 * takes the JVM down), as the post's profiles say: the VIDEO profile's {@link Ladder} as one set of CMAF segments
 * (fMP4) with an HLS multivariant playlist and a DASH MPD written by ffmpeg's DASH muxer over the same segments,
 * keyframes forced every {@value #SEGMENT_SECONDS} s in every rung so that segments align across rungs, then, if the
 * profile asks, an MP4 download of the top rung (copied, not encoded again), then the THUMBNAIL profile's JPEG and
 * the PREVIEW profile's short H.264 MP4 without audio, each when the post has that profile. Progress
 * comes from ffmpeg's {@code -progress} output. The job is killed (with its children) when it runs past its time
 * limit, its output outgrows its disk limit, or it is cancelled; whatever it wrote is removed.
 */
class Transcoder {

    static final String THUMBNAIL = "thumbnail.jpg";
    static final String HLS_MASTER = "master.m3u8";
    static final String DASH_MPD = "manifest.mpd";
    static final String DOWNLOAD = "download.mp4";
    static final String PREVIEW = "preview.mp4";
    private static final int SEGMENT_SECONDS = 2;
    private static final long OUTPUT_SLACK = 64L << 20;
    /** A thumbnail decodes a frame or two; a minute is plenty however long the source. */
    private static final Duration STILL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WATCH = Duration.ofMillis(500);

    sealed interface Outcome permits Done, Failed, Cancelled {
    }

    record Done(List<Rendition> renditions, List<ProcessedOutput> outputs) implements Outcome {
    }

    record Failed(String reason) implements Outcome {
    }

    record Cancelled() implements Outcome {
    }

    /** An output a profile may ask for: its format, its file in {@code out/} and the origin's route to it. */
    private record OptionalOutput(String format, String file, String route) {
    }

    private static final List<OptionalOutput> OPTIONAL_OUTPUTS = List.of(
            new OptionalOutput("MP4", DOWNLOAD, "/mp4/"), new OptionalOutput("JPEG", THUMBNAIL, "/images/"),
            new OptionalOutput("PREVIEW", PREVIEW, "/images/"));

    /** One ffmpeg run of a job: its command, how long it may take, what reads its stdout. */
    private record Step(ProcessBuilder command, Duration timeout, Consumer<String> lines) {
    }

    /** One {@code -progress} report: percent of the source done, frames per second, seconds left (null: unknown). */
    record Progress(double percent, double fps, Long etaSeconds) {
    }

    private final PostFiles files;
    private final PostMediaSettings settings;
    private final Map<Long, Process> running = new ConcurrentHashMap<>();

    Transcoder(PostFiles files, PostMediaSettings settings) {
        this.files = files;
        this.settings = settings;
    }

    /**
     * Transcodes the post's source into {@code out/}. {@code stillWanted} is asked about twice a second; false
     * (cancelled, deleted, lease lost) kills the job.
     */
    Outcome run(long videoPostId, SourceProbe probe, ChosenProfiles profiles, Consumer<Progress> progress,
                BooleanSupplier stillWanted) throws IOException, InterruptedException {
        Path source = files.source(videoPostId);
        Path work = files.work(videoPostId);
        PostFiles.delete(work);
        Files.createDirectories(work);
        ProfileSettings video = profiles.video().profile();
        List<Rendition> rungs = Ladder.forSource(probe, video);
        Duration timeout = Duration.ofMillis(Math.max(settings.minJobTimeout().toMillis(),
                (long) (probe.durationSeconds() * settings.timeoutFactor() * 1000)));
        long outputLimit = (long) (Files.size(source) * settings.maxOutputFactor()) + OUTPUT_SLACK;
        Consumer<String> ignored = line -> { };
        List<Step> steps = new ArrayList<>(List.of(new Step(ladder(source, work, rungs, video, probe), timeout,
                new ProgressLines(probe.durationSeconds(), progress))));
        if (Boolean.TRUE.equals(video.mp4Download())) {
            steps.add(new Step(download(work, rungs.size(), probe.hasAudio()), timeout, ignored));
        }
        if (profiles.thumbnail() != null) {
            steps.add(new Step(thumbnail(source, work, probe, profiles.thumbnail().profile()), STILL_TIMEOUT,
                    ignored));
        }
        if (profiles.preview() != null) {
            steps.add(new Step(preview(source, work, probe, profiles.preview().profile()), timeout, ignored));
        }
        for (Step step : steps) {
            Outcome outcome = supervise(videoPostId, step.command(), work, step.timeout(), outputLimit, stillWanted,
                    step.lines());
            if (!(outcome instanceof Done)) {
                PostFiles.delete(work);
                return outcome;
            }
        }
        for (Step step : steps) {
            Files.deleteIfExists(step.command().redirectError().file().toPath());
        }
        Path out = files.out(videoPostId);
        PostFiles.delete(out);
        Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
        return new Done(rungs, outputs(videoPostId, out));
    }

    /** Kills the post's running ffmpeg at once, if this worker runs one. */
    void kill(long videoPostId) {
        Process process = running.get(videoPostId);
        if (process != null) {
            BundledPrograms.kill(process);
        }
    }

    /** Kills every running ffmpeg: at shutdown, so no child outlives the worker (its jobs' leases lapse). */
    void killAll() {
        running.values().forEach(BundledPrograms::kill);
    }

    private Outcome supervise(long videoPostId, ProcessBuilder builder, Path work, Duration timeout, long outputLimit,
                              BooleanSupplier stillWanted, Consumer<String> lines)
            throws IOException, InterruptedException {
        Process process = builder.start();
        running.put(videoPostId, process);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines);
            } catch (IOException | RuntimeException ended) {
                // the process was killed or its output was unreadable; its exit code tells what happened
            }
        }, "ffmpeg-progress-" + videoPostId);
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(WATCH.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!stillWanted.getAsBoolean()) {
                    BundledPrograms.kill(process);
                    return new Cancelled();
                }
                if (System.nanoTime() > deadline) {
                    BundledPrograms.kill(process);
                    return new Failed("Transcoding took longer than " + timeout.toSeconds() + " s and was stopped");
                }
                if (PostFiles.size(work) > outputLimit) {
                    BundledPrograms.kill(process);
                    return new Failed("Transcoding wrote more than " + outputLimit + " bytes and was stopped");
                }
            }
            reader.join(WATCH.toMillis());
            if (!stillWanted.getAsBoolean()) {
                return new Cancelled();
            }
            if (process.exitValue() != 0) {
                return new Failed("ffmpeg exited with " + process.exitValue() + ": " + lastLine(work, builder));
            }
            return new Done(List.of(), List.of());
        } finally {
            BundledPrograms.kill(process);
            running.remove(videoPostId, process);
        }
    }

    /**
     * The MP4 download (reference §13.4): the top rung and the audio copied out of the CMAF segments into one
     * progressive MP4 with its index first, so no second encode. ffmpeg names the media playlists by stream: the
     * rungs first, then the audio.
     */
    static ProcessBuilder download(Path work, int rungs, boolean hasAudio) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-i", work.resolve("media_0.m3u8").toString()));
        if (hasAudio) {
            args.addAll(List.of("-i", work.resolve("media_" + rungs + ".m3u8").toString(), "-map", "1:a:0"));
        }
        args.addAll(List.of("-map", "0:v:0", "-c", "copy", "-movflags", "+faststart",
                work.resolve(DOWNLOAD).toString()));
        return BundledPrograms.ffmpeg(args.toArray(String[]::new)).redirectError(work.resolve("download.log")
                .toFile());
    }

    /**
     * The ladder's encode: every rung and the audio into CMAF segments in {@code work}, progress on stdout. Package
     * visible, as {@link #download} and {@link #thumbnail}, so the transcoding benchmark runs the very same commands
     * directly.
     */
    static ProcessBuilder ladder(Path source, Path work, List<Rendition> rungs, ProfileSettings video,
                                 SourceProbe probe) {
        return BundledPrograms.ffmpeg(ladderArguments(source, work, rungs, video.audioStream().bitrate(), probe))
                .redirectError(work.resolve("ffmpeg.log").toFile());
    }

    /**
     * A JPEG still at the THUMBNAIL profile's offset (the source's middle when the offset is past its end): its
     * width, and its height if it has one (filled and cropped to that size, never stretched), else the source's
     * aspect.
     */
    static ProcessBuilder thumbnail(Path source, Path work, SourceProbe probe, ProfileSettings thumbnail) {
        double at = thumbnail.offsetSeconds() < probe.durationSeconds() ? thumbnail.offsetSeconds()
                : probe.durationSeconds() / 2;
        String size = thumbnail.height() == null ? "scale=" + thumbnail.width() + ":-2"
                : "scale=" + thumbnail.width() + ":" + thumbnail.height() + ":force_original_aspect_ratio=increase,"
                        + "crop=" + thumbnail.width() + ":" + thumbnail.height();
        return BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-ss", String.valueOf(at), "-i", source.toString(),
                "-frames:v", "1", "-vf", size, "-q:v", "3", work.resolve(THUMBNAIL).toString())
                .redirectError(work.resolve("thumbnail.log").toFile());
    }

    /**
     * The PREVIEW profile's clip: from its start (the beginning when that is past the source's end) for its duration
     * (or what is left), its height (at most the source's), H.264 without audio, index first so it plays at once.
     */
    static ProcessBuilder preview(Path source, Path work, SourceProbe probe, ProfileSettings preview) {
        double start = preview.startSeconds() < probe.durationSeconds() ? preview.startSeconds() : 0;
        double duration = Math.min(preview.durationSeconds(), probe.durationSeconds() - start);
        int height = Math.min(preview.height(), probe.height() / 2 * 2);
        return BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-ss", String.valueOf(start), "-i", source.toString(), "-t", String.valueOf(duration),
                "-map", "0:v:0", "-an", "-vf", "scale=-2:" + height, "-c:v", "libx264", "-preset", "veryfast",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", work.resolve(PREVIEW).toString())
                .redirectError(work.resolve("preview.log").toFile());
    }

    private static String[] ladderArguments(Path source, Path work, List<Rendition> rungs, long audioBitrate,
                                            SourceProbe probe) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-progress", "pipe:1", "-nostats", "-i", source.toString()));
        StringBuilder filter = new StringBuilder("[0:v:0]split=" + rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            filter.append("[s").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            Rendition rung = rungs.get(i);
            filter.append(";[s").append(i).append("]scale=").append(rung.width()).append(':').append(rung.height())
                    .append("[v").append(i).append(']');
        }
        args.addAll(List.of("-filter_complex", filter.toString()));
        for (int i = 0; i < rungs.size(); i++) {
            long bitrate = rungs.get(i).videoBitrate();
            args.addAll(List.of("-map", "[v" + i + "]", "-b:v:" + i, String.valueOf(bitrate),
                    "-maxrate:v:" + i, String.valueOf(bitrate * 107 / 100), "-bufsize:v:" + i,
                    String.valueOf(bitrate * 3 / 2)));
        }
        if (probe.hasAudio()) {
            args.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", String.valueOf(audioBitrate), "-ac", "2"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                // keyframes at the same instants in every rung, and nowhere else: segments align across rungs
                "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")", "-sc_threshold", "0",
                "-g", "600", "-max_muxing_queue_size", "1024",
                "-f", "dash", "-seg_duration", String.valueOf(SEGMENT_SECONDS), "-use_template", "1",
                "-use_timeline", "1", "-hls_playlist", "1", "-hls_master_name", HLS_MASTER,
                "-adaptation_sets", probe.hasAudio() ? "id=0,streams=v id=1,streams=a" : "id=0,streams=v",
                "-init_seg_name", "init-$RepresentationID$.m4s",
                "-media_seg_name", "seg-$RepresentationID$-$Number%05d$.m4s", work.resolve(DASH_MPD).toString()));
        return args.toArray(String[]::new);
    }

    /** What the job made: the CMAF manifests always, the MP4, thumbnail (JPEG) and PREVIEW when their step ran. */
    private static List<ProcessedOutput> outputs(long videoPostId, Path out) throws IOException {
        long segments = sizeOf(out, ".m4s");
        String base = "/vod/" + videoPostId;
        List<ProcessedOutput> outputs = new ArrayList<>(List.of(
                new ProcessedOutput("CMAF_HLS", segments + sizeOf(out, ".m3u8"), base + "/cmaf/" + HLS_MASTER),
                new ProcessedOutput("CMAF_MPEG_DASH", segments + sizeOf(out, ".mpd"), base + "/cmaf/" + DASH_MPD)));
        for (OptionalOutput optional : OPTIONAL_OUTPUTS) {
            Path made = out.resolve(optional.file());
            if (Files.exists(made)) {
                outputs.add(new ProcessedOutput(optional.format(), Files.size(made),
                        base + optional.route() + optional.file()));
            }
        }
        return outputs;
    }

    private static long sizeOf(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(suffix)) {
                    total += Files.size(file);
                }
            }
            return total;
        }
    }

    private static String lastLine(Path work, ProcessBuilder builder) {
        try {
            Path log = builder.redirectError().file().toPath();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String last = lines.isEmpty() ? "no message" : lines.get(lines.size() - 1).strip();
            // ffmpeg names the files it read or wrote; the client needs the reason, not our paths
            return last.replace(work.toString(), "").replace(work.getParent().toString(), "");
        } catch (IOException | RuntimeException e) {
            return "no message";
        }
    }
}
