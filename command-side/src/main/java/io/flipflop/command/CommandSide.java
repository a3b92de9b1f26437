package io.flipflop.command;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The write side: aggregates, the HTTP command API and token issuing. Imported by {@link CommandSideApplication} when it runs alone and by the all-in-one launcher. */
@Configuration
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@Import(Platform.class)
public class CommandSide {
}
