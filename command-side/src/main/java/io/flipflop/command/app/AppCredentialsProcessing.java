package io.flipflop.command.app;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link AppCredentialsKeeper} in a subscribing processor, and lets its failures fail the command: a console
 * user must never be shown credentials that the App API would refuse (Axon's default only logs them).
 */
@Configuration(proxyBeanMethods = false)
public class AppCredentialsProcessing {

    static final String PROCESSING_GROUP = "app-credentials";

    @Bean
    public ConfigurerModule appCredentialsInCommandThread() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
