package io.flipflop.platform.timelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Time limits on units of work: the command bus's (a command, or commands committed together), the event
 * processors' (a batch), the deadline manager's and the query bus's. They replace Axon's own
 * ({@code axon.timeout.enabled=false} in flipflop-platform.properties) with the same defaults and the same effect:
 * see {@link TimeLimitWatch} for why.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeLimitConfiguration.Settings.class)
public class TimeLimitConfiguration {

    /**
     * {@code flipflop.time-limit.*}; Axon's defaults.
     *
     * @param warning   how long a unit of work runs before a warning with its thread's stack is logged, then again
     *                  every second (or every {@code warning}, if that is shorter)
     * @param interrupt how long a unit of work runs before its thread is interrupted and the work fails
     */
    @ConfigurationProperties("flipflop.time-limit")
    public record Settings(Duration warning, Duration interrupt) {

        public Settings {
            warning = warning == null ? Duration.ofSeconds(10) : warning;
            interrupt = interrupt == null ? Duration.ofSeconds(30) : interrupt;
        }
    }

    @Bean(destroyMethod = "close")
    public TimeLimitWatch timeLimitWatch(Settings settings) {
        Duration tick = Collections.min(List.of(settings.warning(), Duration.ofSeconds(1)));
        return new TimeLimitWatch(settings.warning(), settings.interrupt(), tick);
    }

    /** Registered where Axon's autoconfiguration registers its own, at the same time (the buses exist by then). */
    @Bean
    public ConfigurerModule timeLimits(TimeLimitWatch watch) {
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (axon, processor) -> new TimeLimitInterceptor(watch, "event processor " + processor));
            configurer.onStart(Integer.MIN_VALUE, () -> {
                Configuration axon = configurer.buildConfiguration();
                axon.commandBus().registerHandlerInterceptor(new TimeLimitInterceptor(watch, "command bus"));
                axon.queryBus().registerHandlerInterceptor(new TimeLimitInterceptor(watch, "query bus"));
                axon.deadlineManager().registerHandlerInterceptor(new TimeLimitInterceptor(watch, "deadline manager"));
            });
        };
    }
}
