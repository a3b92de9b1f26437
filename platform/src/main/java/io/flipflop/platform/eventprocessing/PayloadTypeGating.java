package io.flipflop.platform.eventprocessing;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * Axon's event processing module, each of whose processors asks its handlers whether they take an event's payload
 * type once per type ({@link PayloadTypeGate}). Declared here, Axon's autoconfiguration declares none; every
 * processor, however registered, is built by one of the three methods below, with Axon's settings as before.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class PayloadTypeGating {

    @Bean
    public EventProcessingModule eventProcessingModule() {
        return new GatedEventProcessingModule();
    }

    private static final class GatedEventProcessingModule extends EventProcessingModule {

        @Override
        protected EventProcessor trackingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                        TrackingEventProcessorConfiguration config,
                                                        StreamableMessageSource<TrackedEventMessage<?>> source) {
            return super.trackingEventProcessor(name, PayloadTypeGate.around(eventHandlerInvoker), config, source);
        }

        @Override
        protected EventProcessor pooledStreamingEventProcessor(
                String name, EventHandlerInvoker eventHandlerInvoker, Configuration config,
                StreamableMessageSource<TrackedEventMessage<?>> messageSource,
                PooledStreamingProcessorConfiguration processorConfiguration) {
            return super.pooledStreamingEventProcessor(name, PayloadTypeGate.around(eventHandlerInvoker), config,
                    messageSource, processorConfiguration);
        }

        @Override
        protected EventProcessor subscribingEventProcessor(
                String name, EventHandlerInvoker eventHandlerInvoker,
                SubscribableMessageSource<? extends EventMessage<?>> messageSource) {
            return super.subscribingEventProcessor(name, PayloadTypeGate.around(eventHandlerInvoker), messageSource);
        }
    }
}
