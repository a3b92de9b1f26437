package io.flipflop.command.streamkey;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link StreamKeyDirectory} and {@link IngestingStreamKeys} in a subscribing processor, and lets their
 * failures fail the command: a reissued key string must never keep working because its removal failed quietly.
 */
@Configuration(proxyBeanMethods = false)
public class StreamKeyProcessing {

    static final String PROCESSING_GROUP = "stream-key-directory";

    @Bean
    public ConfigurerModule streamKeyDirectoryInCommandThread() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
