package io.flipflop.command;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs the command-side alone, against the MongoDB given by {@code MONGODB_URI} (the split deployment). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandSide.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        Platform.noPhoningHome();
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
