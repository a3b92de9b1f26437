package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.media.ffmpeg.BundledPrograms;
import io.flipflop.media.stream.FlvTag;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bundled ffmpeg and ffprobe programs, and a tiny FLV reader, for black-box packaging tests. */
public final class TestMedia {

    private TestMedia() {
    }

    /** An 8 s 720p30 H.264 (2 s GOP) + AAC FLV, as a publisher would send it. */
    public static Path makeFlv(Path dir, int seconds) throws IOException, InterruptedException {
        Path flv = dir.resolve("source.flv");
        run(BundledPrograms.ffmpeg("-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-g", "60",
                "-c:a", "aac", "-f", "flv", flv.toString()));
        return flv;
    }

    /** ffprobe's JSON for the format duration and the codec names of {@code input}. */
    public static String probe(Path input) throws IOException, InterruptedException {
        return probe(input.toString());
    }

    /** ffprobe's JSON for a file or URL (an HLS playlist or DASH MPD served over HTTP). */
    public static String probe(String input) throws IOException, InterruptedException {
        return run(BundledPrograms.ffprobe("-v", "error",
                "-show_entries", "format=duration:stream=codec_name", "-of", "json", input));
    }

    /** The "duration" of ffprobe's JSON. */
    public static double duration(String probe) {
        int at = probe.indexOf("\"duration\"");
        assertThat(at).as("duration in %s", probe).isNotNegative();
        int start = probe.indexOf('"', probe.indexOf(':', at)) + 1;
        return Double.parseDouble(probe.substring(start, probe.indexOf('"', start)));
    }

    public static List<FlvTag> readFlv(Path flv) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(flv));
        buf.position(buf.getInt(5) + 4); // header, PreviousTagSize0
        List<FlvTag> tags = new ArrayList<>();
        while (buf.remaining() >= 15) {
            int type = buf.get() & 0x1F;
            int size = int24(buf);
            long ts = int24(buf) | ((long) (buf.get() & 0xFF) << 24);
            int24(buf); // stream id
            byte[] body = new byte[size];
            buf.get(body);
            buf.getInt(); // PreviousTagSize
            tags.add(new FlvTag(type, ts, body));
        }
        return tags;
    }

    private static int int24(ByteBuffer buf) {
        return ((buf.get() & 0xFF) << 16) | ((buf.get() & 0xFF) << 8) | (buf.get() & 0xFF);
    }

    private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
        String program = builder.command().get(0);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s failed: %s", program, text).isZero();
        return text;
    }
}
