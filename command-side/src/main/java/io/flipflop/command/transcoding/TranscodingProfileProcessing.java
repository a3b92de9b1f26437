package io.flipflop.command.transcoding;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link TranscodingProfileDirectory} in a subscribing processor whose failures fail the command: a profile
 * the console was told exists must be choosable by the next post write.
 */
@Configuration(proxyBeanMethods = false)
public class TranscodingProfileProcessing {

    static final String PROCESSING_GROUP = "transcoding-profile-directory";

    @Bean
    public ConfigurerModule transcodingProfileDirectoryInCommandThread() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
