package io.flipflop.command.broadcast;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends stream key and video room commands with their {@link Origin} in the metadata. The command bus runs
 * handlers in the sending thread, and they block on the event store, so sends run on the bounded-elastic
 * scheduler. A command that lost a race against another node (same aggregate, same sequence number) is sent
 * once more: it is decided again against the state the winner left.
 */
@Component
public class OriginCommands {

    private static final int ATTEMPTS = 3;

    private final CommandGateway commandGateway;

    public OriginCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> Mono<R> send(Object command, Origin origin) {
        return Mono.fromCallable(() -> this.<R>sendAndWait(command, origin))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Blocking; for callers already off the event loop (event handlers, start-up). Null for a void handler.
     * An id from a URL may name another kind of aggregate (ids are unique across kinds): Axon then fails to source
     * it, which is reported as not found, like an id that names nothing.
     */
    public <R> R sendAndWait(Object command, Origin origin) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(origin.metaData()));
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (IncompatibleAggregateException e) {
                throw new AggregateNotFoundException(String.valueOf(command), "Not an aggregate of this kind");
            }
        }
    }
}
