package io.flipflop.query;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The read side: projections, the query HTTP API, the console and audit. Imported by {@link QuerySideApplication} when it runs alone and by the all-in-one launcher. */
@Configuration
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@Import(Platform.class)
public class QuerySide {
}
