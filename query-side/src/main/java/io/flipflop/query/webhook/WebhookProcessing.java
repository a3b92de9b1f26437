package io.flipflop.query.webhook;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The processor that turns events into delivery records ({@link CallbackRegistrations}, {@link CallbackNotices}):
 * a tracking processor of its own, whose token is kept in the shared token store, so a restart resumes after the
 * last event whose records were written. One segment, so records are written in event order, which is the order
 * deliveries of one resource are sent in. A failing handler fails the event (it is retried from the stored
 * token) rather than being skipped: a webhook must not be lost to a MongoDB hiccup. It starts at the beginning
 * of the stream, where registrations are. Its handlers are {@code @DisallowReplay}: should its token ever be reset,
 * the events it already handled are passed over rather than delivered again.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
public class WebhookProcessing {

    public static final String PROCESSING_GROUP = "webhook-deliveries";

    @Bean
    public ConfigurerModule webhookDeliveryProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(PROCESSING_GROUP, Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, axon -> PropagatingErrorHandler.instance());
    }
}
