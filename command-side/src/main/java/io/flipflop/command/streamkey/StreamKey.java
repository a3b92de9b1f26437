package io.flipflop.command.streamkey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.EndBroadcastOnStreamKey;
import io.flipflop.api.streamkey.ForceTerminateStreamKey;
import io.flipflop.api.streamkey.GoLiveOnStreamKey;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.ChangeStreamKeyMode;
import io.flipflop.api.streamkey.ReissueStreamKey;
import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.api.streamkey.StartCmafPublish;
import io.flipflop.api.streamkey.StartIngest;
import io.flipflop.api.streamkey.StopCmafPublish;
import io.flipflop.api.streamkey.StopIngest;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCommand;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyModeChanged;
import io.flipflop.api.streamkey.StreamKeyReissued;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.CommandOrigin;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's RTMP credential and the state of its ingest (SPEC §2). It is born with its member (the Member
 * aggregate creates it in the same unit of work), INACTIVE. Every command goes through
 * {@link StreamKeyTransitions}; the handlers only add what the table cannot say: which worker holds the ingest,
 * which room the key is live for, and the app that owns it.
 * <p>
 * The ingest is leased: StartIngest schedules a deadline of the lease it carries ({@link IngestSettings#lease()}
 * from the sender; carried rather than injected so the aggregate needs no Spring bean), RenewIngestLease moves it, and when it fires the key moves as if the ingest stopped, so a dead worker never leaves a key
 * ACTIVE. Deadlines live in memory; {@link io.flipflop.command.broadcast.IngestLeaseRearming} re-arms them
 * after a restart.
 * <p>
 * Not cached: stream key ids come from URLs, and the shared cache is keyed by id alone.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class StreamKey {

    static final String LEASE_DEADLINE = "ingest-lease";

    /** Boxed: null until the first event, so Axon stamps a creating handler's events with the id it sets. */
    @AggregateIdentifier
    private Long streamKeyId;
    private long appId;
    private long memberId;
    private String streamKey;
    private StreamKeyState state;
    private String workerId;
    /** The running ingest's mode. */
    private OutputMode mode;
    /** The key's own setting, for publishes without {@code ?mode=}; null when it has none. */
    private OutputMode ownMode;
    private Long videoRoomId;
    /**
     * Rooms whose broadcast this key has ended (or force-terminated). A go live that checked its room while it was
     * still SCHEDULED can reach the key after that room's whole broadcast went by; the key refuses it, because an
     * ended broadcast never restarts (SPEC §2), instead of going live for a room that will never follow.
     */
    private Set<Long> endedVideoRoomIds = new HashSet<>();
    /** Counts ingests, so a lease deadline knows whether it still belongs to the running one. */
    private long ingestNo;
    private boolean forciblyTerminated;
    private Instant createdAt;
    private Instant lastModifiedAt;

    /** Axon rebuilds the key from its events starting from this empty instance. */
    protected StreamKey() {
    }

    /** Called only through {@code AggregateLifecycle.createNew} by the member that owns the key. */
    public StreamKey(long streamKeyId, long appId, long memberId, String streamKey) {
        apply(new StreamKeyCreated(streamKeyId, appId, memberId, streamKey));
    }

    @CommandHandler
    public StreamKeySnapshot handle(StartIngest command, DeadlineManager deadlines) {
        StreamKeyState next = advance(StartIngest.class);
        requireWorker(command.workerId());
        OutputMode outputMode = command.mode() == null ? OutputMode.CMAF : command.mode();
        apply(new IngestStarted(streamKeyId, next, command.workerId(), outputMode, videoRoomId));
        scheduleLease(deadlines, command.lease());
        return snapshot();
    }

    @CommandHandler
    public StreamKeySnapshot handle(StopIngest command) {
        StreamKeyState next = advance(StopIngest.class);
        requireHolder(command.workerId());
        apply(new IngestStopped(streamKeyId, next, workerId, command.reason(), videoRoomId));
        return snapshot();
    }

    @CommandHandler
    public StreamKeySnapshot handle(StartCmafPublish command) {
        StreamKeyState next = advance(StartCmafPublish.class);
        requireHolder(command.workerId());
        apply(new CmafPublishStarted(streamKeyId, next, workerId, videoRoomId));
        return snapshot();
    }

    @CommandHandler
    public StreamKeySnapshot handle(StopCmafPublish command) {
        StreamKeyState next = advance(StopCmafPublish.class);
        requireHolder(command.workerId());
        apply(new CmafPublishStopped(streamKeyId, next, workerId, command.reason(), videoRoomId));
        return snapshot();
    }

    /** Moves the lease deadline; nothing is recorded, the lease is not part of the key's history. */
    @CommandHandler
    public StreamKeySnapshot handle(RenewIngestLease command, DeadlineManager deadlines) {
        advance(RenewIngestLease.class);
        requireHolder(command.workerId());
        deadlines.cancelAllWithinScope(LEASE_DEADLINE);
        scheduleLease(deadlines, command.lease());
        return snapshot();
    }

    @CommandHandler
    public StreamKeySnapshot handle(GoLiveOnStreamKey command) {
        StreamKeyState next = advance(GoLiveOnStreamKey.class);
        if (endedVideoRoomIds.contains(command.videoRoomId())) {
            throw new DomainRejection("VIDEO_ROOM_STATE_NOT_SCHEDULED",
                    "The broadcast of video room " + command.videoRoomId() + " has ended; it never restarts");
        }
        apply(new StreamKeyWentLive(streamKeyId, next, command.videoRoomId()));
        return snapshot();
    }

    @CommandHandler
    public StreamKeySnapshot handle(EndBroadcastOnStreamKey command) {
        StreamKeyState next = advance(EndBroadcastOnStreamKey.class);
        if (!Objects.equals(videoRoomId, command.videoRoomId())) {
            throw new DomainRejection("STREAM_KEY_NOT_LIVE_FOR_VIDEO_ROOM",
                    "Stream key is " + describe() + ", not for video room " + command.videoRoomId());
        }
        apply(new StreamKeyBroadcastEnded(streamKeyId, next, command.videoRoomId()));
        return snapshot();
    }

    /** From any state; on an INACTIVE key it succeeds and changes nothing (reference §6.6). */
    @CommandHandler
    public ForcedTermination handle(ForceTerminateStreamKey command) {
        StreamKeyState next = advance(ForceTerminateStreamKey.class);
        requireApp(command.appId());
        if (state == StreamKeyState.INACTIVE) {
            return new ForcedTermination(null);
        }
        Long liveFor = videoRoomId;
        apply(new StreamKeyForciblyTerminated(streamKeyId, next, state, workerId, videoRoomId, streamKey,
                command.newStreamKey()));
        return new ForcedTermination(liveFor);
    }

    @CommandHandler
    public StreamKeySnapshot handle(ReissueStreamKey command) {
        requireApp(command.appId());
        StreamKeyState next = advance(ReissueStreamKey.class);
        apply(new StreamKeyReissued(streamKeyId, next, streamKey, command.newStreamKey()));
        return snapshot();
    }

    /** Any state: only later publishes read it. Setting the mode it has already records nothing. */
    @CommandHandler
    public StreamKeySnapshot handle(ChangeStreamKeyMode command) {
        requireApp(command.appId());
        if (command.mode() != ownMode) {
            apply(new StreamKeyModeChanged(streamKeyId, state, command.mode()));
        }
        return snapshot();
    }

    /**
     * The worker stopped renewing: the key moves as the table moves it when that ingest stops, through stop
     * ingest before CMAF publishing started and stop CMAF publish after, with reason LEASE_EXPIRED.
     */
    @DeadlineHandler(deadlineName = LEASE_DEADLINE)
    void on(IngestLeaseExpiry expiry) {
        if (expiry.ingestNo() != ingestNo || workerId == null) {
            return;
        }
        var afterStopIngest = StreamKeyTransitions.target(state, StopIngest.class);
        if (afterStopIngest.isPresent()) {
            apply(new IngestStopped(streamKeyId, afterStopIngest.get(), workerId, IngestStopReason.LEASE_EXPIRED,
                    videoRoomId));
            return;
        }
        StreamKeyTransitions.target(state, StopCmafPublish.class).ifPresent(next -> apply(new CmafPublishStopped(
                streamKeyId, next, workerId, IngestStopReason.LEASE_EXPIRED, videoRoomId)));
    }

    @EventSourcingHandler
    void on(StreamKeyCreated event, @Timestamp Instant at) {
        streamKeyId = event.streamKeyId();
        appId = event.appId();
        memberId = event.memberId();
        streamKey = event.streamKey();
        state = StreamKeyState.INACTIVE;
        createdAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(IngestStarted event, @Timestamp Instant at) {
        state = event.state();
        workerId = event.workerId();
        mode = event.mode();
        ingestNo++;
        forciblyTerminated = false;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(IngestStopped event, @Timestamp Instant at) {
        ingestEnded(event.state(), at);
    }

    @EventSourcingHandler
    void on(CmafPublishStarted event, @Timestamp Instant at) {
        state = event.state();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(CmafPublishStopped event, @Timestamp Instant at) {
        ingestEnded(event.state(), at);
    }

    @EventSourcingHandler
    void on(StreamKeyWentLive event, @Timestamp Instant at) {
        state = event.state();
        videoRoomId = event.videoRoomId();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(StreamKeyBroadcastEnded event, @Timestamp Instant at) {
        state = event.state();
        endedVideoRoomIds.add(event.videoRoomId());
        videoRoomId = null;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(StreamKeyForciblyTerminated event, @Timestamp Instant at) {
        ingestEnded(event.state(), at);
        if (event.videoRoomId() != null) {
            endedVideoRoomIds.add(event.videoRoomId());
        }
        videoRoomId = null;
        streamKey = event.streamKey();
        forciblyTerminated = true;
    }

    @EventSourcingHandler
    void on(StreamKeyReissued event, @Timestamp Instant at) {
        streamKey = event.streamKey();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(StreamKeyModeChanged event, @Timestamp Instant at) {
        ownMode = event.mode();
        lastModifiedAt = at;
    }

    StreamKeyState state() {
        return state;
    }

    private void ingestEnded(StreamKeyState next, Instant at) {
        state = next;
        workerId = null;
        mode = null;
        lastModifiedAt = at;
    }

    private StreamKeyState advance(Class<? extends StreamKeyCommand> command) {
        return StreamKeyTransitions.next(state, command, describe());
    }

    private String describe() {
        return videoRoomId == null ? state.name() : state + " (live for video room " + videoRoomId + ")";
    }

    /**
     * The lease deadline carries its origin, so the events it applies show SYSTEM as their origin in the audit.
     */
    private void scheduleLease(DeadlineManager deadlines, Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("An ingest lease needs a positive duration");
        }
        deadlines.schedule(lease, LEASE_DEADLINE, new GenericMessage<>(new IngestLeaseExpiry(ingestNo),
                MetaData.with(CommandOrigin.METADATA_KEY, CommandOrigin.SYSTEM.name())
                        .and(CommandOrigin.ACTOR_KEY, LEASE_DEADLINE)));
    }

    private static void requireWorker(String worker) {
        if (worker == null || worker.isBlank()) {
            throw new DomainRejection("EMPTY_WORKER_ID", "An ingest needs the id of the worker that holds it");
        }
    }

    private void requireHolder(String worker) {
        if (!Objects.equals(workerId, worker)) {
            throw new DomainRejection("INGEST_NOT_HELD_BY_WORKER",
                    "The ingest of this stream key is held by another worker, not " + worker);
        }
    }

    /** Another app's key answers exactly as a key that does not exist. */
    private void requireApp(long callerAppId) {
        if (callerAppId != appId) {
            throw ApiException.notFound("STREAM_KEY_NOT_FOUND", "No such stream key");
        }
    }

    private StreamKeySnapshot snapshot() {
        return new StreamKeySnapshot(streamKeyId, appId, memberId, streamKey, state, workerId, mode, videoRoomId,
                forciblyTerminated, createdAt, lastModifiedAt);
    }
}
