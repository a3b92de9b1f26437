package io.flipflop.media.origin;

import io.flipflop.media.cmaf.LiveStreams;
import io.flipflop.media.ingest.IngestConfiguration.WorkerId;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The end-of-broadcast handler, in a processor per worker, like the ingest revocation. */
@Configuration(proxyBeanMethods = false)
class OriginConfiguration {

    @Bean
    BroadcastEnds broadcastEnds(LiveStreams liveStreams) {
        return new BroadcastEnds(liveStreams);
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
