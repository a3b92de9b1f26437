package io.flipflop.media.origin;

import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.cmaf.LiveStreams;
import io.flipflop.media.ingest.IngestConfiguration.WorkerId;
import io.flipflop.media.stream.WorkerCommands;
import io.flipflop.media.vod.Archiver;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The end-of-broadcast handler and the archive, in a processor per worker, like the ingest revocation. */
@Configuration(proxyBeanMethods = false)
class OriginConfiguration {

    @Bean
    Archiver archiver(CmafSettings settings, WorkerCommands commands) {
        return new Archiver(settings, commands, Clock.systemUTC());
    }

    @Bean
    BroadcastEnds broadcastEnds(LiveStreams liveStreams, Archiver archiver) {
        return new BroadcastEnds(liveStreams, archiver);
    }

    @Bean
    ConfigurerModule broadcastEndsProcessor(WorkerId workerId) {
        String processor = BroadcastEnds.PROCESSING_GROUP + "@" + workerId.value();
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(BroadcastEnds.PROCESSING_GROUP, processor)
                .registerTrackingEventProcessorConfiguration(processor, axon -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> source.createHeadToken()));
    }
}
