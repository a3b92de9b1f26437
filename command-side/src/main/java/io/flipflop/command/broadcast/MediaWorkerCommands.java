package io.flipflop.command.broadcast;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.api.streamkey.StartCmafPublish;
import io.flipflop.api.streamkey.StartIngest;
import io.flipflop.api.streamkey.StopCmafPublish;
import io.flipflop.api.streamkey.StopIngest;
import io.flipflop.api.videoroom.CompleteArchive;
import io.flipflop.api.videoroom.FailArchive;
import io.flipflop.api.videoroom.StartArchive;
import io.flipflop.command.streamkey.IngestSettings;
import io.flipflop.command.streamkey.StreamKeySnapshot;
import io.flipflop.command.videoroom.VideoRoomService;
import io.flipflop.command.videoroom.VideoRoomSnapshot;
import io.flipflop.platform.error.ApiException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The commands of a media worker: ingest (start, CMAF publish, stop, lease renewal) and archiving. There is no
 * public endpoint for them: in the all-in-one deployment the media worker sends the same commands through Axon's
 * gateway itself ({@code io.flipflop.media.stream.WorkerCommands}); this service is what the integration tests
 * and a future internal endpoint for the split deployment use.
 * Every command is sent with origin WORKER and the worker's id. StartArchive is normally sent by the coupling
 * right after an end; it is here for an app that archives by hand.
 */
@Service
public class MediaWorkerCommands {

    private final OriginCommands commands;
    private final IngestSettings settings;

    public MediaWorkerCommands(OriginCommands commands, IngestSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    public Mono<StreamKeySnapshot> startIngest(long streamKeyId, String workerId, OutputMode mode) {
        return onKey(new StartIngest(streamKeyId, workerId, mode, settings.lease()), workerId);
    }

    public Mono<StreamKeySnapshot> startCmafPublish(long streamKeyId, String workerId) {
        return onKey(new StartCmafPublish(streamKeyId, workerId), workerId);
    }

    public Mono<StreamKeySnapshot> stopCmafPublish(long streamKeyId, String workerId, IngestStopReason reason) {
        return onKey(new StopCmafPublish(streamKeyId, workerId, reason), workerId);
    }

    public Mono<StreamKeySnapshot> stopIngest(long streamKeyId, String workerId, IngestStopReason reason) {
        return onKey(new StopIngest(streamKeyId, workerId, reason), workerId);
    }

    public Mono<StreamKeySnapshot> renewIngestLease(long streamKeyId, String workerId) {
        return onKey(new RenewIngestLease(streamKeyId, workerId, settings.lease()), workerId);
    }

    public Mono<VideoRoomSnapshot> startArchive(long videoRoomId, String workerId) {
        return onRoom(new StartArchive(videoRoomId), workerId);
    }

    public Mono<VideoRoomSnapshot> completeArchive(long videoRoomId, String workerId, String vodUrl) {
        return onRoom(new CompleteArchive(videoRoomId, vodUrl), workerId);
    }

    public Mono<VideoRoomSnapshot> failArchive(long videoRoomId, String workerId, String reason) {
        return onRoom(new FailArchive(videoRoomId, reason), workerId);
    }

    private Mono<StreamKeySnapshot> onKey(Object command, String workerId) {
        return commands.<StreamKeySnapshot>send(command, Origin.worker(workerId))
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("STREAM_KEY_NOT_FOUND", "No such stream key"));
    }

    private Mono<VideoRoomSnapshot> onRoom(Object command, String workerId) {
        return commands.<VideoRoomSnapshot>send(command, Origin.worker(workerId))
                .onErrorMap(AggregateNotFoundException.class, e -> VideoRoomService.videoRoomNotFound());
    }
}
