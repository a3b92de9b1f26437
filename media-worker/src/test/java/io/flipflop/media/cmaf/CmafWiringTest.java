package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.media.stream.MediaSinkFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CmafWiringTest {

    @TempDir
    Path dir;

    @Test
    void thePackagerIsTheMediaSinkFactoryAndReadsFlipflopCmafSettings() {
        new ApplicationContextRunner()
                .withUserConfiguration(CmafConfiguration.class, AvioCallbacks.class, LiveStreams.class, CmafSinkFactory.class)
                .withPropertyValues("flipflop.cmaf.data-dir=" + dir, "flipflop.cmaf.part-duration=400ms",
                        "flipflop.cmaf.window-segments=20")
                .run(context -> {
                    assertThat(context).hasSingleBean(MediaSinkFactory.class).hasSingleBean(LiveStreams.class);
                    CmafSettings settings = context.getBean(CmafSettings.class);
                    assertThat(settings.partDuration()).isEqualTo(Duration.ofMillis(400));
                    assertThat(settings.segmentDuration()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.targetDurationSeconds()).isEqualTo(4);
                    assertThat(settings.windowSegments()).isEqualTo(20);
                    assertThat(settings.liveRoot()).isEqualTo(dir.resolve("media").resolve("live"));
                });
    }
}
