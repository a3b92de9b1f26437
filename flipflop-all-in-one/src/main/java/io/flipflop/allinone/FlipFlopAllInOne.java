package io.flipflop.allinone;

import io.flipflop.command.CommandSide;
import io.flipflop.media.MediaWorker;
import io.flipflop.query.QuerySide;
import io.flipflop.platform.Platform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The default way to run FlipFlop: the three sides in one JVM, one HTTP port for writes and reads, and the
 * embedded MongoDB-wire server under {@code ./data} unless {@code MONGODB_URI} names a real one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSide.class, QuerySide.class, MediaWorker.class, StartupBanner.class})
public class FlipFlopAllInOne {

    public static void main(String[] args) {
        Platform.noPhoningHome();
        SpringApplication.run(FlipFlopAllInOne.class, args);
    }
}
