package io.flipflop.media.videopost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Asks the bundled ffprobe what an uploaded source is. The content type a client declares proves nothing (a text
 * file named .mp4 says video/mp4): only a source ffprobe reads, with a video stream of a known size and a positive
 * duration, is transcoded. ffprobe runs as a child process with a time limit, so a hostile file cannot hang the
 * worker.
 */
class SourceProber {

    /** Why a source is refused; the message becomes the post's failure reason. */
    static class UnusableSource extends Exception {
        UnusableSource(String reason) {
            super(reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTPUT = 1 << 20;

    private final Duration timeout;
    private final long maxPixels;

    SourceProber(Duration timeout) {
        this(timeout, 0);
    }

    /**
     * @param maxPixels the largest picture (width × height) ffprobe may decode while it looks; larger ones show as
     *                  no size. 0: ffmpeg's own limit. A small file may declare a huge picture (a decompression bomb).
     */
    SourceProber(Duration timeout, long maxPixels) {
        this.timeout = timeout;
        this.maxPixels = maxPixels;
    }

    SourceProbe probe(Path source) throws UnusableSource, IOException, InterruptedException {
        JsonNode probe = report(source);
        JsonNode video = videoStream(probe);
        boolean audio = false;
        for (JsonNode stream : probe.path("streams")) {
            audio |= "audio".equals(stream.path("codec_type").asText());
        }
        if (video == null) {
            throw new UnusableSource("No video stream in the file");
        }
        double duration = probe.path("format").path("duration").asDouble(0);
        if (!(duration > 0)) {
            throw new UnusableSource("The file has no duration");
        }
        return new SourceProbe(duration, video.path("width").asInt(), video.path("height").asInt(), audio,
                probe.path("format").path("format_name").asText());
    }

    /** The first video stream of a {@link #report} that is no attached picture, if it has a size; else null. */
    static JsonNode videoStream(JsonNode report) {
        for (JsonNode stream : report.path("streams")) {
            if ("video".equals(stream.path("codec_type").asText())
                    && stream.path("disposition").path("attached_pic").asInt() == 0) {
                return stream.path("width").asInt() > 0 && stream.path("height").asInt() > 0 ? stream : null;
            }
        }
        return null;
    }

    /**
     * What ffprobe says of {@code file}: its format and streams, as JSON. A file it cannot read at all, or not in
     * time, is unusable with the reason.
     */
    JsonNode report(Path file) throws UnusableSource, IOException, InterruptedException {
        // output to files, not pipes: a pipe nobody reads, or one read until EOF, could block past the time limit;
        // complaints apart from the report, as ffprobe also complains about files it then describes
        Path report = file.resolveSibling(file.getFileName() + ".probe.json");
        Path complaints = file.resolveSibling(file.getFileName() + ".probe.log");
        try {
            OptionalInt exit = BundledPrograms.runWithin(BundledPrograms.ffprobe("-v", "error", "-max_pixels",
                    String.valueOf(maxPixels > 0 ? maxPixels : Integer.MAX_VALUE), "-print_format", "json",
                    "-show_format", "-show_streams", "-i", file.toString())
                    .redirectOutput(report.toFile()).redirectError(complaints.toFile()), timeout);
            if (exit.isEmpty()) {
                throw new UnusableSource("ffprobe did not finish within " + timeout.toSeconds() + " s");
            }
            if (Files.size(report) > MAX_OUTPUT || Files.size(complaints) > MAX_OUTPUT) {
                throw new UnusableSource("ffprobe found more in the file than a video has");
            }
            if (exit.getAsInt() != 0) {
                throw new UnusableSource("Not a readable video file: "
                        + firstLine(Files.readString(complaints, StandardCharsets.UTF_8)));
            }
            return JSON.readTree(Files.readString(report, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(complaints);
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("ffprobe failed");
        // ffprobe starts its error with the file's path, which says nothing to the client
        int colon = line.lastIndexOf(": ");
        return colon >= 0 ? line.substring(colon + 2) : line;
    }
}
