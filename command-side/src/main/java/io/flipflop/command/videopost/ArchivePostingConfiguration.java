package io.flipflop.command.videopost;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking processor of {@link ArchivePosting}. A brand-new token starts at the tail of the stream, so rooms
 * archived before posts existed get theirs too (the steps are idempotent, so reading old archives again is
 * harmless). Failures propagate, so the event is retried.
 */
@Configuration(proxyBeanMethods = false)
public class ArchivePostingConfiguration {

    public static final String PROCESSING_GROUP = "archive-posting";

    @Bean
    public ConfigurerModule archivePostingProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(PROCESSING_GROUP, axon -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> source.createTailToken()))
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, axon -> PropagatingErrorHandler.instance());
    }
}
