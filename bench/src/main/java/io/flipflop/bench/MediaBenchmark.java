package io.flipflop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.media.cmaf.LiveStream;
import io.flipflop.media.cmaf.LiveStreams;
import io.flipflop.media.cmaf.PlaylistAnswer;
import io.flipflop.media.cmaf.PlaylistRequest;
import io.flipflop.media.ffmpeg.BundledPrograms;
import io.flipflop.media.ingest.RtmpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Our media worker against nginx-rtmp (Debian {@code nginx} + {@code libnginx-mod-rtmp}, {@code hls on; dash on;})
 * and against {@code ffmpeg -c copy} to HLS fMP4, on one synthetic stream (720p30 H.264 3 Mbit/s + AAC) that
 * N {@code ffmpeg -re -c copy} publishers send over RTMP on loopback:
 * <ul>
 *   <li>CPU seconds per minute of stream: the server process's CPU over the measuring window (our whole
 *       all-in-one JVM, nginx's master and worker) less what it spends idle with no stream (measured first),
 *       divided by stream-minutes; for ffmpeg, one remux of the file, the CPU time of the ended child;</li>
 *   <li>whether every stream stays on time: sampled every second, how far each stream's playlist is behind the
 *       publisher's clock (its start plus the media sent since) may swing by no more than one segment plus 1 s
 *       over the window: a server that keeps up shows a steady saw-tooth, one that falls behind a growing lag;</li>
 *   <li>for ours, on up to {@value #SAMPLED} streams followed with LL-HLS blocking reloads: the delay from a
 *       part's last video sample reaching the packager to the part being listed (the blocking reload answered),
 *       and glass-to-glass to the origin: from when the publisher sent the part's last media (its pacing clock's
 *       start, {@link SampleArrivals#publisherClockStart}, plus the media time) to the part being listed.</li>
 * </ul>
 * The publishers' own CPU is not counted. Needs {@code apt-get install nginx libnginx-mod-rtmp}.
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -Pbench -pl bench verify -DskipTests
 * -Dexec.mainClass=io.flipflop.bench.MediaBenchmark} (add {@code -Dmedia.streams=2,5} for a quick look).
 */
public final class MediaBenchmark {

    /** Stream counts tried in turn, until a server no longer keeps every stream on time. */
    private static final int[] STREAM_COUNTS = Stream.of(System.getProperty("media.streams", "10,25,50,100,200")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    private static final int SAMPLED = 5;
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final double SEGMENT_SECONDS = 2.0;
    private static final double PART_SECONDS = 0.5;
    private static final double ON_TIME_SLACK_SECONDS = 1.0;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("flipflop-media-bench");
        Path source = work.resolve("source.flv");
        run(BundledPrograms.ffmpeg("-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "3M", "-maxrate", "3M",
                "-bufsize", "6M", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-f", "flv", source.toString()));
        double remux = ffmpegRemuxCpuPerMinute(source, work.resolve("remux"));

        List<String> rows = new ArrayList<>();
        try (BenchPlatform platform = BenchPlatform.onDisk(work.resolve("db"));
             Nginx nginx = Nginx.start(work.resolve("nginx"))) {
            SampleArrivals arrivals = new SampleArrivals();
            platform.observe(arrivals).start("--flipflop.rtmp.port=0", "--flipflop.cmaf.data-dir=" + work.resolve("ours"));
            Ours ours = new Ours(platform, work.resolve("ours"), arrivals);
            for (Target target : List.of(ours, nginx)) {
                measure(target, 2, source, 0); // warm-up (JIT, first publish), not reported
                double idleCpuBefore = target.cpuSeconds();
                Thread.sleep(IDLE.toMillis());
                double idleCores = (target.cpuSeconds() - idleCpuBefore) / IDLE.toSeconds();
                System.out.printf("%s idle: %.3f cores%n", target.name(), idleCores);
                for (int streams : STREAM_COUNTS) {
                    Run result = measure(target, streams, source, idleCores);
                    rows.add(result.row(target.name(), streams));
                    System.out.println(rows.get(rows.size() - 1));
                    if (!result.onTime()) {
                        break;
                    }
                }
            }
        }
        System.out.println();
        System.out.printf("ffmpeg -c copy to HLS fMP4: %.3f CPU-s per media minute%n", remux);
        System.out.println("| server | streams | CPU-s per stream-minute (less idle) | CPU above idle (cores) | worst lag swing | on time"
                + " | part listed after due p50/p99 | glass-to-glass p50/p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static Run measure(Target target, int streams, Path source, double idleCores) throws Exception {
        List<String> urls = target.prepare(streams);
        List<Process> publishers = new ArrayList<>();
        List<Instant> started = new ArrayList<>();
        List<ListedMedia> listed = new ArrayList<>();
        ConcurrentLinkedQueue<Double> partDelays = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> glass = new ConcurrentLinkedQueue<>();
        try {
            for (String url : urls) {
                started.add(Instant.now());
                // -readrate_initial_burst 0: paced from the first packet on, so the publisher's clock is exact.
                publishers.add(BundledPrograms.ffmpeg("-hide_banner", "-loglevel", "error", "-re",
                        "-readrate_initial_burst", "0", "-stream_loop", "-1",
                        "-i", source.toString(), "-c", "copy", "-f", "flv", url)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start());
                listed.add(new ListedMedia());
            }
            List<Thread> followers = new ArrayList<>();
            for (int i = 0; i < Math.min(SAMPLED, streams); i++) {
                int stream = i;
                Thread follower = new Thread(() -> target.follow(stream, partDelays, glass));
                follower.setDaemon(true);
                follower.start();
                followers.add(follower);
            }
            Thread.sleep(WARM_UP.toMillis());
            double cpuBefore = target.cpuSeconds();
            long windowStart = System.nanoTime();
            double[] minLag = new double[streams];
            double[] maxLag = new double[streams];
            java.util.Arrays.fill(minLag, Double.MAX_VALUE);
            int missing = 0;
            while (System.nanoTime() - windowStart < WINDOW.toNanos()) {
                Thread.sleep(1000);
                for (int i = 0; i < streams; i++) {
                    Optional<String> playlist = target.playlist(i);
                    if (playlist.isEmpty()) {
                        missing++;
                        continue;
                    }
                    listed.get(i).read(playlist.get());
                    double published = Duration.between(started.get(i), Instant.now()).toNanos() / 1e9;
                    double lag = published - listed.get(i).completeSeconds();
                    minLag[i] = Math.min(minLag[i], lag);
                    maxLag[i] = Math.max(maxLag[i], lag);
                }
            }
            double minutes = (System.nanoTime() - windowStart) / 60e9;
            double cpu = target.cpuSeconds() - cpuBefore - idleCores * minutes * 60;
            followers.forEach(Thread::interrupt);
            double worstLag = java.util.stream.IntStream.range(0, streams).mapToDouble(i -> maxLag[i] - minLag[i]).max().orElse(0);
            boolean onTime = missing == 0 && worstLag <= SEGMENT_SECONDS + ON_TIME_SLACK_SECONDS
                    && (partDelays.isEmpty() || percentile(partDelays, 0.99) <= PART_SECONDS + 0.1);
            return new Run(cpu / (minutes * streams), cpu / (minutes * 60), worstLag, missing, onTime,
                    new ArrayList<>(partDelays), new ArrayList<>(glass));
        } finally {
            publishers.forEach(Process::destroy);
            for (Process publisher : publishers) {
                publisher.waitFor(5, TimeUnit.SECONDS);
            }
            target.finish(streams);
        }
    }

    private record Run(double cpuPerStreamMinute, double cores, double worstLag, int missing, boolean onTime,
                       List<Double> partDelays, List<Double> glass) {

        String row(String server, int streams) {
            return String.format("| %s | %d | %.3f | %.2f | %s | %s | %s | %s |", server, streams, cpuPerStreamMinute,
                    cores, missing > 0 ? missing + " playlists missing" : String.format("%.2f s", worstLag),
                    onTime ? "yes" : "no", millis(partDelays), millis(glass));
        }

        private static String millis(List<Double> seconds) {
            return seconds.isEmpty() ? "–" : String.format("%.0f / %.0f ms (%d parts)", percentile(seconds, 0.5) * 1000,
                    percentile(seconds, 0.99) * 1000, seconds.size());
        }
    }

    private static double percentile(java.util.Collection<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1));
    }

    /** The CPU seconds of one {@code ffmpeg -c copy} remux of the file to HLS fMP4, per minute of its media. */
    private static double ffmpegRemuxCpuPerMinute(Path source, Path out) throws Exception {
        Files.createDirectories(out);
        double before = CpuTime.ofEndedChildren();
        run(BundledPrograms.ffmpeg("-hide_banner", "-loglevel", "error", "-i", source.toString(),
                "-c", "copy", "-f", "hls", "-hls_segment_type", "fmp4", "-hls_time", "2", "-hls_playlist_type", "vod",
                out.resolve("index.m3u8").toString()));
        return (CpuTime.ofEndedChildren() - before) / (20 / 60.0);
    }

    private static String run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.command() + " failed: " + output);
        }
        return output;
    }

    /** A server under test. */
    private interface Target {

        String name();

        /** Publish URLs for that many streams, each free to publish. */
        List<String> prepare(int streams) throws Exception;

        /** The stream's live HLS media playlist as it is now, if it has one. */
        Optional<String> playlist(int stream);

        /** Follows the stream part by part until interrupted, recording delays; only where parts exist. */
        void follow(int stream, ConcurrentLinkedQueue<Double> partDelays, ConcurrentLinkedQueue<Double> glass);

        double cpuSeconds() throws IOException;

        /** After the publishers went away: wait until the streams are closed, and drop their output. */
        void finish(int streams) throws Exception;
    }

    /** The all-in-one platform in this JVM: playlists straight from the packager, as the origin serves them. */
    private static final class Ours implements Target {

        private final BenchPlatform platform;
        private final Path media;
        private final LiveStreams live;
        private final SampleArrivals arrivals;
        private final List<Long> keyIds = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();

        Ours(BenchPlatform platform, Path media, SampleArrivals arrivals) {
            this.platform = platform;
            this.arrivals = arrivals;
            this.media = media;
            this.live = platform.app().getBean(LiveStreams.class);
        }

        @Override
        public String name() {
            return "FlipFlop media worker";
        }

        @Override
        public List<String> prepare(int streams) throws Exception {
            while (keys.size() < streams) {
                String member = "caster" + keys.size();
                platform.post("/v2/apps/me/members", "{\"appUserId\":\"" + member + "\"}");
                JsonNode key = platform.awaitJson("/v2/apps/me/members/" + member + "/stream-key");
                keyIds.add(key.get("id").asLong());
                keys.add(key.get("streamKey").asText());
            }
            int port = platform.app().getBean(RtmpServer.class).port();
            return keys.subList(0, streams).stream().map(key -> "rtmp://127.0.0.1:" + port + "/live/" + key).toList();
        }

        @Override
        public Optional<String> playlist(int stream) {
            return live.find(keyIds.get(stream)).flatMap(live -> text(live, PlaylistRequest.PLAIN));
        }

        @Override
        public void follow(int stream, ConcurrentLinkedQueue<Double> partDelays, ConcurrentLinkedQueue<Double> glass) {
            ListedMedia listed = new ListedMedia();
            long[] next = null;
            while (!Thread.currentThread().isInterrupted()) {
                Optional<LiveStream> stream0 = live.find(keyIds.get(stream));
                if (stream0.isEmpty()) {
                    sleep();
                    continue;
                }
                Optional<String> text = text(stream0.get(), next == null ? PlaylistRequest.PLAIN
                        : new PlaylistRequest(next[0], (int) next[1], false));
                Instant answered = Instant.now();
                if (text.isEmpty()) {
                    sleep();
                    continue;
                }
                listed.read(text.get());
                long partEnd = Math.round(listed.newestPartEnd() * 1000);
                Instant lastSample = arrivals.lastBefore(keyIds.get(stream), partEnd);
                if (next != null && lastSample != null) {
                    partDelays.add(Duration.between(lastSample, answered).toNanos() / 1e9);
                    Instant sent = arrivals.publisherClockStart(keyIds.get(stream)).plusMillis(partEnd);
                    glass.add(Duration.between(sent, answered).toNanos() / 1e9);
                }
                next = listed.nextPart();
            }
        }

        private static Optional<String> text(LiveStream stream, PlaylistRequest request) {
            try {
                PlaylistAnswer answer = stream.mediaPlaylist(request).get(10, TimeUnit.SECONDS);
                return answer instanceof PlaylistAnswer.Playlist playlist ? Optional.of(playlist.text()) : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public double cpuSeconds() {
            return CpuTime.ofThisJvm();
        }

        @Override
        public void finish(int streams) throws Exception {
            for (int i = 0; i < streams; i++) {
                while (!"INACTIVE".equals(platform.awaitJson("/v2/apps/me/members/caster" + i + "/stream-key")
                        .get("streamKeyState").asText())) {
                    Thread.sleep(100);
                }
                // As a broadcast's end does: the next run's publish starts a new live stream, not a new period.
                live.end(keyIds.get(i));
            }
            deleteBelow(media.resolve("media"));
        }
    }

    /** nginx with the RTMP module, as Debian packages it, on loopback; its playlists read from disk. */
    private static final class Nginx implements Target, AutoCloseable {

        private final Path dir;
        private final int port;
        private final Process master;

        private Nginx(Path dir, int port, Process master) {
            this.dir = dir;
            this.port = port;
            this.master = master;
        }

        static Nginx start(Path dir) throws Exception {
            Files.createDirectories(dir.resolve("hls"));
            Files.createDirectories(dir.resolve("dash"));
            Files.createDirectories(dir.resolve("logs"));
            dir.toFile().setWritable(true, false);
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Files.writeString(dir.resolve("nginx.conf"), """
                    load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
                    user root;
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 4096; }
                    rtmp {
                        server {
                            listen 127.0.0.1:%2$d;
                            application live {
                                live on;
                                hls on; hls_path %1$s/hls; hls_fragment 2s; hls_playlist_length 60s;
                                dash on; dash_path %1$s/dash; dash_fragment 2s; dash_playlist_length 60s;
                            }
                        }
                    }
                    """.formatted(dir, port));
            Process master = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
            Thread.sleep(1000);
            if (!master.isAlive()) {
                throw new IllegalStateException("nginx did not start (apt-get install nginx libnginx-mod-rtmp): "
                        + Files.readString(dir.resolve("logs/out.log")));
            }
            return new Nginx(dir, port, master);
        }

        @Override
        public String name() {
            return "nginx-rtmp (hls + dash)";
        }

        @Override
        public List<String> prepare(int streams) {
            return java.util.stream.IntStream.range(0, streams).mapToObj(i -> "rtmp://127.0.0.1:" + port + "/live/s" + i).toList();
        }

        @Override
        public Optional<String> playlist(int stream) {
            try {
                return Optional.of(Files.readString(dir.resolve("hls/s" + stream + ".m3u8")));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public void follow(int stream, ConcurrentLinkedQueue<Double> partDelays, ConcurrentLinkedQueue<Double> glass) {
            // nginx-rtmp has no parts (no LL-HLS): nothing to follow.
        }

        /** The master's and its workers' user + system time. */
        @Override
        public double cpuSeconds() throws IOException {
            double seconds = 0;
            for (ProcessHandle process : Stream.concat(Stream.of(master.toHandle()), master.toHandle().children()).toList()) {
                seconds += CpuTime.ofProcess(process.pid());
            }
            return seconds;
        }

        @Override
        public void finish(int streams) throws Exception {
            Thread.sleep(2000);
            deleteBelow(dir.resolve("hls"));
            deleteBelow(dir.resolve("dash"));
        }

        @Override
        public void close() {
            master.destroy();
        }
    }

    private static void deleteBelow(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(root)).forEach(path -> path.toFile().delete());
        }
    }
}
