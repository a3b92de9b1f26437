package io.flipflop.media.ingest;

import io.flipflop.media.ffmpeg.BundledPrograms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flipflop.media.stream.FlvTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code ffmpeg} program bundled with the FFmpeg presets publishes a synthetic 720p30 H.264/AAC stream. */
class FfmpegPublishTest {

    private static final String KEY = "ffmpegKey0123456789abcdefABCDEF0";
    private static final long KEY_ID = 42;

    private final TestIngestServer server = TestIngestServer.start();

    @TempDir
    Path logs;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPublishWithTheRightKeyReachesThePackagerAndDrivesTheKeysLifecycle() throws Exception {
        server.addKey(KEY, KEY_ID);

        Result result = publish(KEY + "?mode=CMAF", 4);

        assertThat(result.exitCode()).as(result.output()).isZero();
        RecordingSinks.Sink sink = server.sinks.byStreamKey.get(KEY_ID);
        List<FlvTag> video = sink.tags.stream().filter(tag -> tag.type() == FlvTag.VIDEO).toList();
        List<FlvTag> audio = sink.tags.stream().filter(tag -> tag.type() == FlvTag.AUDIO).toList();
        assertThat(video.get(0).body()).as("AVC sequence header first").startsWith(0x17, 0x00);
        assertThat(audio.get(0).body()).as("AAC sequence header first").startsWith(0xAF, 0x00);
        assertThat(video).hasSizeGreaterThan(100);
        assertThat(audio).hasSizeGreaterThan(150);
        assertThat(video).extracting(FlvTag::timestamp).isSorted();
        assertThat(audio).extracting(FlvTag::timestamp).isSorted();
        assertThat(video.get(video.size() - 1).timestamp()).isBetween(3800L, 4200L);
        assertThat(sink.tags.stream().filter(tag -> tag.type() == FlvTag.SCRIPT_DATA))
                .anySatisfy(tag -> assertThat(Amf0.decodeAll(tag.body())).first().isEqualTo("onMetaData"));
        assertThat(sink.stream.mode()).hasToString("CMAF");
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.closed);
        assertThat(server.commands.lifecycle(KEY_ID)).containsExactly("startIngest 42", "startCmafPublish 42",
                "stopCmafPublish 42 PUBLISHER_DISCONNECTED");
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        server.addKey(KEY, KEY_ID);

        Result result = publish("notTheKey", 2);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("Server error: Unknown stream key");
        assertThat(server.sinks.byStreamKey).isEmpty();
        assertThat(server.commands.sent()).isEmpty();
    }

    private Result publish(String name, int seconds) throws IOException, InterruptedException {
        Path output = logs.resolve("ffmpeg.log");
        ProcessBuilder builder = BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
                "-g", "60", "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + server.port() + "/live/" + name)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private record Result(int exitCode, String output) {
    }
}
