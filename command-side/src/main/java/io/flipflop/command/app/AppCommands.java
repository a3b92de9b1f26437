package io.flipflop.command.app;

import io.flipflop.platform.error.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends commands to an {@link App} for the console's app endpoints (credentials, webhook). */
@Component
public class AppCommands {

    private final CommandGateway commandGateway;

    public AppCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * The command bus runs handlers in the sending thread, and they block on the event store. An id that names no
     * app (or something else than an app) is answered like another user's app.
     */
    public <R> Mono<R> send(long appId, Object command) {
        return Mono.<R>fromFuture(() -> commandGateway.send(command))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("APP_NOT_FOUND", "No app " + appId));
    }
}
