package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.api.streamkey.StartCmafPublish;
import io.flipflop.api.streamkey.StartIngest;
import io.flipflop.api.streamkey.StopCmafPublish;
import io.flipflop.api.streamkey.StopIngest;
import io.flipflop.api.streamkey.StreamKeyCommand;
import io.flipflop.media.stream.PublishedStream;
import io.flipflop.media.stream.WorkerCommands;
import io.flipflop.platform.error.ApiException;
import java.time.Duration;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * {@link IngestCommands} through Axon's command gateway ({@link WorkerCommands}): in the all-in-one JVM the stream
 * key aggregates handle them in the calling thread.
 */
public class AxonIngestCommands implements IngestCommands {

    private final WorkerCommands commands;

    public AxonIngestCommands(WorkerCommands commands) {
        this.commands = commands;
    }

    @Override
    public void startIngest(PublishedStream stream, Duration lease) {
        send(new StartIngest(stream.streamKeyId(), stream.workerId(), stream.mode(), lease));
    }

    @Override
    public void startCmafPublish(PublishedStream stream) {
        send(new StartCmafPublish(stream.streamKeyId(), stream.workerId()));
    }

    @Override
    public void stopIngest(PublishedStream stream, IngestStopReason reason) {
        send(new StopIngest(stream.streamKeyId(), stream.workerId(), reason));
    }

    @Override
    public void stopCmafPublish(PublishedStream stream, IngestStopReason reason) {
        send(new StopCmafPublish(stream.streamKeyId(), stream.workerId(), reason));
    }

    @Override
    public void renewIngestLease(PublishedStream stream, Duration lease) {
        send(new RenewIngestLease(stream.streamKeyId(), stream.workerId(), lease));
    }

    private void send(StreamKeyCommand command) {
        try {
            commands.send(command);
        } catch (ApiException e) {
            throw new IngestRefusedException(e.errorCode(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new IngestRefusedException("STREAM_KEY_NOT_FOUND", "No such stream key");
        }
    }
}
