package io.flipflop.media.stream;

import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.platform.error.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends this media worker's commands (ingest, archive) through Axon's command gateway, with origin WORKER and the
 * worker's id as actor: in the all-in-one JVM the aggregates handle them in the calling thread, so this blocks.
 * A command that lost a race with another node on the same aggregate (same sequence number) is decided once more
 * against the state the winner left, as the command side's own senders do.
 */
public class WorkerCommands {

    private static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final MetaData origin;

    public WorkerCommands(CommandGateway gateway, String workerId) {
        this.gateway = gateway;
        this.origin = MetaData.with(CommandOrigin.METADATA_KEY, CommandOrigin.WORKER.name())
                .and(CommandOrigin.ACTOR_KEY, workerId);
    }

    /**
     * @throws ApiException the aggregate refused the command
     * @throws org.axonframework.modelling.command.AggregateNotFoundException no such aggregate
     */
    public void send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin));
                return;
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (CommandExecutionException e) {
                if (e.getCause() instanceof ApiException refusal) {
                    throw refusal;
                }
                throw e;
            }
        }
    }
}
