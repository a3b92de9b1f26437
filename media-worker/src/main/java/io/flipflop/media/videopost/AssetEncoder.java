package io.flipflop.media.videopost;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks an uploaded thumbnail or preview and re-encodes it with the bundled ffmpeg, so that what viewers get was
 * written by our encoder and never is the uploaded file (a hostile file's payload does not survive a decode and a
 * fresh encode; metadata is dropped). A thumbnail must be a JPEG, PNG or WebP picture and becomes a JPEG of at most
 * {@value #MAX_IMAGE_SIDE} pixels a side; a preview must be a video and becomes H.264 in MP4, its first
 * {@value #MAX_PREVIEW_SECONDS} s, no audio, at most 1280×720 and 3 Mbit/s. ffprobe and ffmpeg run as child
 * processes with a time limit and are killed past it; the decoders stop at the first error, so a truncated file is
 * refused, and decode no picture larger than 8192 × 8192.
 */
class AssetEncoder {

    static final int MAX_IMAGE_SIDE = 3840;
    static final int MAX_PREVIEW_SECONDS = 30;
    /** The largest picture decoded (8192 × 8192): a small file may declare a huge one to exhaust the memory. */
    static final long MAX_PIXELS = 8192L * 8192;
    /** The re-encode is in the PUT's answer; a preview of 30 s takes a few seconds on two cores. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> IMAGE_CODECS = Set.of("mjpeg", "png", "webp");

    private final SourceProber prober;
    private final Duration timeout;
    private final long maxPixels;

    /**
     * @param probeTimeout ffprobe is killed after this
     * @param timeout      ffmpeg is killed after this
     * @param maxPixels    neither decodes a larger picture (width × height); {@link #MAX_PIXELS} in production
     */
    AssetEncoder(Duration probeTimeout, Duration timeout, long maxPixels) {
        this.prober = new SourceProber(probeTimeout, maxPixels);
        this.timeout = timeout;
        this.maxPixels = maxPixels;
    }

    /** Writes the re-encoded {@code input} to {@code output}, or says why the input is not what it claims. */
    void encode(VideoPostAsset asset, Path input, Path output)
            throws SourceProber.UnusableSource, IOException, InterruptedException {
        List<String> encoding;
        if (asset == VideoPostAsset.THUMBNAIL) {
            JsonNode image = SourceProber.videoStream(prober.report(input));
            if (image == null || !IMAGE_CODECS.contains(image.path("codec_name").asText())) {
                throw new SourceProber.UnusableSource("Not a JPEG, PNG or WebP image of at most " + maxPixels
                        + " pixels");
            }
            encoding = List.of("-frames:v", "1", "-vf", "scale=w='min(iw," + MAX_IMAGE_SIDE + ")':h='min(ih,"
                    + MAX_IMAGE_SIDE + ")':force_original_aspect_ratio=decrease", "-q:v", "3", "-c:v", "mjpeg",
                    "-f", "image2");
        } else {
            prober.probe(input);
            encoding = List.of("-t", String.valueOf(MAX_PREVIEW_SECONDS), "-map", "0:v:0", "-an", "-sn", "-dn",
                    "-vf", "scale=w='min(iw,1280)':h='min(ih,720)':force_original_aspect_ratio=decrease"
                            + ":force_divisible_by=2",
                    // capped rate, so the preview's size is bounded whatever the input
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-maxrate", "3M", "-bufsize", "6M",
                    "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                    "-f", "mp4");
        }
        Path log = output.resolveSibling(output.getFileName() + ".log");
        try {
            String[] arguments = Stream.of(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                    "-xerror", "-err_detect", "explode", "-max_pixels", String.valueOf(maxPixels),
                    "-i", input.toString(), "-map_metadata", "-1"),
                    encoding, List.of(output.toString())).flatMap(List::stream).toArray(String[]::new);
            OptionalInt exit = BundledPrograms.runWithin(BundledPrograms.ffmpeg(arguments)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()), timeout);
            if (exit.isEmpty()) {
                throw new SourceProber.UnusableSource("Re-encoding took longer than " + timeout.toSeconds() + " s");
            }
            if (exit.getAsInt() != 0 || !Files.exists(output) || Files.size(output) == 0) {
                throw new SourceProber.UnusableSource("The file could not be decoded: " + firstComplaint(log, input));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** ffmpeg's first complaint (the cause; later lines are consequences), without its tags and our paths. */
    private static String firstComplaint(Path log, Path input) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("no message").replaceAll("^(\\[[^\\]]*\\] *)+", "")
                    .replace(input.getParent().toString(), "").strip();
        }
    }
}
