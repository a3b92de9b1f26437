package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.media.ffmpeg.BundledPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What becomes of uploaded thumbnails and previews, with the real bundled programs: pictures of the three accepted
 * kinds become JPEGs of their size (huge ones smaller), clips become silent H.264 of at most 30 s and 1280×720, and
 * what is not the kind it claims is refused with a reason that does not name our paths.
 */
class AssetEncoderTest {

    private static final SourceProber PROBER = new SourceProber(Duration.ofSeconds(30));
    private static final AssetEncoder ENCODER = new AssetEncoder(Duration.ofSeconds(30), Duration.ofSeconds(60),
            AssetEncoder.MAX_PIXELS);

    @TempDir
    Path dir;

    @Test
    void jpegAndWebpPicturesBecomeJpegsOfTheirSize() throws Exception {
        for (String kind : List.of("jpg", "webp")) {
            Path picture = generate("in." + kind, "testsrc2=size=200x100", "-frames:v", "1");
            Path out = dir.resolve(kind + "-out.jpg");
            ENCODER.encode(VideoPostAsset.THUMBNAIL, picture, out);
            assertThat(video(out).path("codec_name").asText()).isEqualTo("mjpeg");
            assertThat(video(out).path("width").asInt()).isEqualTo(200);
            assertThat(video(out).path("height").asInt()).isEqualTo(100);
        }
    }

    @Test
    void aPictureWiderThanTheLimitIsScaledDownInProportion() throws Exception {
        Path picture = generate("wide.png", "color=c=red:size=5000x300", "-frames:v", "1");
        Path out = dir.resolve("wide.jpg");
        ENCODER.encode(VideoPostAsset.THUMBNAIL, picture, out);
        assertThat(video(out).path("width").asInt()).isEqualTo(AssetEncoder.MAX_IMAGE_SIDE);
        assertThat(video(out).path("height").asInt()).isBetween(229, 231);
    }

    @Test
    void aVideoOrATextFileIsNoThumbnail() throws Exception {
        Path clip = generate("clip.png", "testsrc2=size=160x120:rate=10", "-t", "1", "-c:v", "libx264", "-f", "mp4");
        assertThatThrownBy(() -> ENCODER.encode(VideoPostAsset.THUMBNAIL, clip, dir.resolve("clip.jpg")))
                .isInstanceOf(SourceProber.UnusableSource.class).hasMessageStartingWith("Not a JPEG, PNG or WebP image");
        Path text = Files.writeString(dir.resolve("notes.png"), "no picture here\n");
        assertThatThrownBy(() -> ENCODER.encode(VideoPostAsset.THUMBNAIL, text, dir.resolve("notes.jpg")))
                .isInstanceOf(SourceProber.UnusableSource.class).hasMessageNotContaining(dir.toString());
        assertThat(dir.resolve("clip.jpg")).doesNotExist();
    }

    @Test
    void aPictureOfMorePixelsThanAllowedIsNotDecoded() throws Exception {
        Path picture = generate("big.png", "testsrc2=size=320x240", "-frames:v", "1");
        AssetEncoder strict = new AssetEncoder(Duration.ofSeconds(30), Duration.ofSeconds(60), 320 * 240 - 1);
        assertThatThrownBy(() -> strict.encode(VideoPostAsset.THUMBNAIL, picture, dir.resolve("big.jpg")))
                .isInstanceOf(SourceProber.UnusableSource.class)
                .hasMessage("Not a JPEG, PNG or WebP image of at most " + (320 * 240 - 1) + " pixels");
        new AssetEncoder(Duration.ofSeconds(30), Duration.ofSeconds(60), 320 * 240)
                .encode(VideoPostAsset.THUMBNAIL, picture, dir.resolve("big.jpg"));
        assertThat(video(dir.resolve("big.jpg")).path("width").asInt()).isEqualTo(320);
    }

    @Test
    void aLongLargeClipBecomesThirtySilentSecondsOfH264AtMost720p() throws Exception {
        Path clip = generate("long.mkv", "testsrc2=size=1920x1080:rate=5", "-f", "lavfi", "-i",
                "sine=frequency=440", "-t", "35", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        Path out = dir.resolve("preview.mp4");
        ENCODER.encode(VideoPostAsset.PREVIEW, clip, out);
        JsonNode report = PROBER.report(out);
        assertThat(report.path("streams")).hasSize(1);
        assertThat(video(out).path("codec_name").asText()).isEqualTo("h264");
        assertThat(video(out).path("width").asInt()).isEqualTo(1280);
        assertThat(video(out).path("height").asInt()).isEqualTo(720);
        assertThat(report.path("format").path("duration").asDouble())
                .isBetween(AssetEncoder.MAX_PREVIEW_SECONDS - 0.3, AssetEncoder.MAX_PREVIEW_SECONDS + 0.3);
    }

    @Test
    void soundWithoutPicturesIsNoPreview() throws Exception {
        Path sound = generate("sound.mp4", "sine=frequency=440", "-t", "2", "-c:a", "aac");
        assertThatThrownBy(() -> ENCODER.encode(VideoPostAsset.PREVIEW, sound, dir.resolve("sound-out.mp4")))
                .isInstanceOf(SourceProber.UnusableSource.class).hasMessage("No video stream in the file");
    }

    private JsonNode video(Path file) throws Exception {
        return SourceProber.videoStream(PROBER.report(file));
    }

    private Path generate(String name, String lavfi, String... more) throws Exception {
        Path file = dir.resolve(name);
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", lavfi));
        arguments.addAll(List.of(more));
        arguments.add(file.toString());
        Process ffmpeg = BundledPrograms.ffmpeg(arguments.toArray(String[]::new)).inheritIO().start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();
        return file;
    }
}
