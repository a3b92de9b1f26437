package io.flipflop.command.broadcast;

import io.flipflop.api.streamkey.EndBroadcastOnStreamKey;
import io.flipflop.api.streamkey.ForceTerminateStreamKey;
import io.flipflop.api.streamkey.GoLiveOnStreamKey;
import io.flipflop.api.videoroom.EndBroadcast;
import io.flipflop.api.videoroom.ForceTerminateVideoRoom;
import io.flipflop.api.videoroom.GoLive;
import io.flipflop.api.videoroom.InspectVideoRoom;
import io.flipflop.api.videoroom.MarkIngestLost;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.command.member.MemberDirectory;
import io.flipflop.command.streamkey.ForcedTermination;
import io.flipflop.command.streamkey.StreamKeyStrings;
import io.flipflop.command.videoroom.VideoRoomRules;
import io.flipflop.command.videoroom.VideoRoomService;
import io.flipflop.command.videoroom.VideoRoomSnapshot;
import io.flipflop.command.videoroom.VideoRoomTransitions;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The synchronous half of the key–room coupling: the API's go live, end and force-terminate move both aggregates
 * before answering, so the answer shows the state after the write. Each step is one command on one aggregate;
 * the order is chosen so a failure half way leaves nothing the {@link BroadcastCoupling} cannot finish:
 * <ul>
 *   <li>go live: check the room (tenant, type, SCHEDULED) → key GoLive (needs ACTIVE, records the room) → room
 *       GoLive. Should the process die after the key step, the coupling sees the key's event and moves the room.</li>
 *   <li>end: check the room → key EndBroadcast (needs INACTIVE_LIVE for this room) → room MarkIngestLost (a no-op
 *       unless the coupling has not yet followed the key there) → room EndBroadcast.</li>
 *   <li>force terminate: key ForceTerminate (INACTIVE, new key string) → the room it was live for ENDED.</li>
 * </ul>
 */
@Service
public class BroadcastService {

    private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);

    private final OriginCommands commands;
    private final MemberDirectory directory;
    private final StreamKeyStrings streamKeyStrings;

    public BroadcastService(OriginCommands commands, MemberDirectory directory, StreamKeyStrings streamKeyStrings) {
        this.commands = commands;
        this.directory = directory;
        this.streamKeyStrings = streamKeyStrings;
    }

    /** {@code ownerMemberId} is the caller on the member API, null on the App API. */
    public Mono<VideoRoomSnapshot> goLive(long videoRoomId, long appId, Long ownerMemberId, Origin origin) {
        return inspect(videoRoomId, appId, ownerMemberId, origin).flatMap(room -> {
            VideoRoomRules.requireBroadcastRtmp(room.type());
            VideoRoomTransitions.next(room.state(), GoLive.class);
            if (room.ownerStreamKeyId() == null) {
                return Mono.error(streamKeyNotFound());
            }
            long streamKeyId = room.ownerStreamKeyId();
            return onKey(new GoLiveOnStreamKey(streamKeyId, videoRoomId), origin)
                    .then(onRoom(new GoLive(videoRoomId, streamKeyId), origin));
        });
    }

    /**
     * A room still LIVE while its key is already INACTIVE_LIVE is the coupling lagging, not a LIVE broadcast: the
     * key decides. When the key refuses, a LIVE room is answered with the room's own rule.
     */
    public Mono<VideoRoomSnapshot> end(long videoRoomId, long appId, Long ownerMemberId, Origin origin) {
        return inspect(videoRoomId, appId, ownerMemberId, origin).flatMap(room -> {
            VideoRoomRules.requireBroadcastRtmp(room.type());
            boolean maybeLagging = room.state() == VideoRoomState.LIVE;
            if (!maybeLagging) {
                VideoRoomTransitions.next(room.state(), EndBroadcast.class);
            }
            long streamKeyId = room.broadcastStreamKeyId();
            // Once the key has ended, the coupling may move the room first (even to ENDED): MarkIngestLost is then
            // refused, and EndBroadcast, idempotent for the same key, answers the room as the coupling left it.
            Mono<VideoRoomSnapshot> endRoom = onRoom(new MarkIngestLost(videoRoomId, streamKeyId), origin)
                    .onErrorResume(DomainRejection.class, alreadyMoved -> Mono.empty())
                    .then(onRoom(new EndBroadcast(videoRoomId, streamKeyId), origin));
            return onKey(new EndBroadcastOnStreamKey(streamKeyId, videoRoomId), origin)
                    .onErrorMap(DomainRejection.class, rejection -> maybeLagging
                            ? VideoRoomTransitions.rejection(VideoRoomState.LIVE, EndBroadcast.class) : rejection)
                    .then(maybeLagging ? endRoom : onRoom(new EndBroadcast(videoRoomId, streamKeyId), origin));
        });
    }

    /** Reference §6.6; succeeds and changes nothing when the key is not ingesting. */
    public Mono<Void> forceTerminate(long streamKeyId, long appId, Origin origin) {
        return Mono.fromCallable(streamKeyStrings::newStreamKey)
                .flatMap(newKey -> onKey(new ForceTerminateStreamKey(streamKeyId, appId, newKey), origin))
                .cast(ForcedTermination.class)
                .flatMap(terminated -> terminated.videoRoomId() == null ? Mono.empty()
                        : commands.send(new ForceTerminateVideoRoom(terminated.videoRoomId(), streamKeyId), origin)
                                // a room not yet live (go live died half way) stays as it is; the key is free
                                .onErrorResume(DomainRejection.class, rejection -> {
                                    log.info("Room {} not ended with its key {}: {}", terminated.videoRoomId(),
                                            streamKeyId, rejection.getMessage());
                                    return Mono.empty();
                                }))
                .then();
    }

    public Mono<Void> forceTerminateMember(long appId, String appUserId, Origin origin) {
        return Mono.fromCallable(() -> directory.find(appId, appUserId)
                        .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No such member")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(entry -> entry.streamKeyId() == null ? Mono.error(streamKeyNotFound())
                        : forceTerminate(entry.streamKeyId(), appId, origin));
    }

    private Mono<VideoRoomSnapshot> inspect(long videoRoomId, long appId, Long ownerMemberId, Origin origin) {
        return onRoom(new InspectVideoRoom(videoRoomId, appId, ownerMemberId), origin);
    }

    private Mono<VideoRoomSnapshot> onRoom(Object command, Origin origin) {
        return commands.<VideoRoomSnapshot>send(command, origin)
                .onErrorMap(AggregateNotFoundException.class, e -> VideoRoomService.videoRoomNotFound());
    }

    private Mono<Object> onKey(Object command, Origin origin) {
        return commands.send(command, origin)
                .onErrorMap(AggregateNotFoundException.class, e -> streamKeyNotFound());
    }

    private static ApiException streamKeyNotFound() {
        return ApiException.notFound("STREAM_KEY_NOT_FOUND", "No such stream key");
    }
}
