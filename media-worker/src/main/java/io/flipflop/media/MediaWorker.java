package io.flipflop.media;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The media side: ingest, packaging, playback origin and archive. Imported by {@link MediaWorkerApplication} when it runs alone and by the all-in-one launcher. */
@Configuration
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@Import(Platform.class)
public class MediaWorker {
}
