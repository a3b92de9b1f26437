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
}
