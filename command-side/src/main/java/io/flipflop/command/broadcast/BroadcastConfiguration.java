package io.flipflop.command.broadcast;

import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.command.streamkey.IngestSettings;
import io.flipflop.platform.eventstore.EventStoreSettings;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the broadcast domain:
 * <ul>
 *   <li>{@value #COUPLING_GROUP}: the tracking processor of {@link BroadcastCoupling}. Failures other than
 *       refusals propagate, so the event is retried; a brand-new token starts at the head of the stream, because
 *       replaying years of broadcasts would only send no-op commands.</li>
 *   <li>Command metadata {@code origin} and {@code actor} ({@link CommandOrigin}) are copied onto every event a
 *       command applies, for the audit. Declaring a correlation data provider replaces Axon's default one, so
 *       {@link MessageOriginProvider} (correlation and trace ids) is declared again.</li>
 *   <li>The {@link DeadlineManager} of the ingest leases, as a bean: the stream key's handlers take it as a
 *       parameter, and Axon's Spring support resolves handler parameters from beans only. In memory, so
 *       {@link IngestLeaseRearming} re-arms the leases after a restart.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
public class BroadcastConfiguration {

    public static final String COUPLING_GROUP = "broadcast-coupling";

    @Bean
    public ConfigurerModule broadcastCouplingProcessor(EventStoreSettings settings) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(COUPLING_GROUP, axon -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(2)
                        .andInitialSegmentsCount(settings.processorSegments())
                        .andInitialTrackingToken(source -> source.createHeadToken()))
                .registerListenerInvocationErrorHandler(COUPLING_GROUP, axon -> PropagatingErrorHandler.instance());
    }

    @Bean
    public DeadlineManager deadlineManager(org.axonframework.config.Configuration axon) {
        return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon)).build();
    }

    @Bean
    public CorrelationDataProvider commandOriginProvider() {
        return new SimpleCorrelationDataProvider(CommandOrigin.METADATA_KEY, CommandOrigin.ACTOR_KEY);
    }

    @Bean
    public CorrelationDataProvider axonMessageOriginProvider() {
        return new MessageOriginProvider();
    }
}
