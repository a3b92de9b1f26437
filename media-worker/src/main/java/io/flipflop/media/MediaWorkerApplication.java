package io.flipflop.media;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs the media-worker alone, against the MongoDB given by {@code MONGODB_URI} (the split deployment). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MediaWorker.class)
public class MediaWorkerApplication {

    public static void main(String[] args) {
        Platform.noPhoningHome();
        SpringApplication.run(MediaWorkerApplication.class, args);
    }
}
