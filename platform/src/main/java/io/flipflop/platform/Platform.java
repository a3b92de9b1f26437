package io.flipflop.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Infrastructure every side needs: MongoDB, the event store, token verification, the error envelope.
 * Each side imports it; the all-in-one launcher imports it once through the sides.
 */
@Configuration
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@PropertySource("classpath:flipflop-platform.properties")
public class Platform {

    /**
     * Axon's update checker calls a public host at start-up and its console module advertises itself;
     * FlipFlop runs on closed networks and keeps its log for its own messages.
     */
    public static void noPhoningHome() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
