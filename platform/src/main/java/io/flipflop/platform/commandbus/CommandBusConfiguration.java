package io.flipflop.platform.commandbus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus: Axon's {@link SimpleCommandBus}, built as Axon's Spring Boot autoconfiguration builds it, behind
 * {@link GroupCommitCommandBus}. Declaring a {@link CommandBus} bean makes the autoconfiguration's step back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandBusConfiguration.Settings.class)
public class CommandBusConfiguration {

    /**
     * {@code flipflop.command-bus.*}.
     *
     * @param maxBatch most commands of one aggregate committed together (1: each alone, as Axon does)
     */
    @ConfigurationProperties("flipflop.command-bus")
    public record Settings(Integer maxBatch) {

        public Settings {
            maxBatch = maxBatch == null ? 32 : maxBatch;
        }
    }

    /** Axon's aggregates take it from the context too, so they and the command bus share its cache. */
    @Bean
    public CommandTargetResolver commandTargetResolver() {
        return new CachedCommandTargetResolver();
    }

    @Bean
    public GroupCommitCommandBus commandBus(CommandTargetResolver commandTargetResolver,
                                            TransactionManager transactionManager,
                                            org.axonframework.config.Configuration axon,
                                            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                            Settings settings) {
        SimpleCommandBus local = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return new GroupCommitCommandBus(local, commandTargetResolver, settings.maxBatch());
    }
}
