package io.flipflop.command.token;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link MemberTokenRevocation} runs in a streaming processor (the platform's default) rather than in the thread
 * of the delete command: the event store has no transactions, so a revocation failing in the command thread would
 * leave the deletion stored and the tokens alive, and a retried delete finds the member already gone. A streaming
 * processor retries from its stored token until the revocation succeeds, and in this JVM it is woken as soon as
 * the event is stored. Its failures must fail the batch (Axon's default only logs them and moves on).
 */
@Configuration(proxyBeanMethods = false)
public class MemberTokenRevocationProcessing {

    static final String PROCESSING_GROUP = "member-token-revocation";

    @Bean
    public ConfigurerModule memberTokenRevocationRetriesFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
