package io.flipflop.query.eventsource;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

/**
 * The processor of {@link MemberEventRelay}: a tracking processor, which this project's event store wakes as soon
 * as this JVM commits events (so a change reaches the stream within milliseconds in the all-in-one deployment,
 * and within the store's polling interval on a query node that reads the shared store in the split one).
 *
 * <p>Its token lives in memory, so every JVM runs it over every event rather than sharing segments with other
 * nodes through the token store: a member is connected to one node, and that node must hear about all of the
 * member's changes. It starts at the head of the stream: signals are for changes happening now, and after a
 * restart nobody is connected yet to hear older ones. One segment keeps each key's and room's signals in order.
 * Failures are only logged (Axon's default): a missed signal costs a client one refresh, a stuck processor
 * would cost every client all later ones.
 */
@Component
public class MemberEventSourceProcessing implements ConfigurerModule {

    public static final String PROCESSING_GROUP = "member-event-source";

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing()
                .registerTrackingEventProcessor(PROCESSING_GROUP, Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(PROCESSING_GROUP, axon -> new InMemoryTokenStore());
    }
}
