package io.flipflop.command.videoroom;

import io.flipflop.api.videoroom.AllowMemberOnVideoRoom;
import io.flipflop.api.videoroom.CancelVideoRoom;
import io.flipflop.api.videoroom.CreateVideoRoom;
import io.flipflop.api.videoroom.CreateVideoRoomRequest;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.DeleteVideoRoom;
import io.flipflop.api.videoroom.DisallowMemberOnVideoRoom;
import io.flipflop.api.videoroom.InspectVideoRoom;
import io.flipflop.api.videoroom.UpdateVideoRoom;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.OriginCommands;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.member.MemberDirectory;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import org.springframework.stereotype.Service;

/**
 * Room writes that involve only the room: create, update, delete, cancel, the allowlist. Every one is scoped to the
 * caller's app, and on the member API to the caller as owner; the room checks that itself. Going live and ending are
 * {@link io.flipflop.command.broadcast.BroadcastService}'s, because they move the stream key too.
 */
@Service
public class VideoRoomService {

    private final OriginCommands commands;
    private final MemberDirectory directory;
    private final Owners owners;
    private final IdGenerator ids;

    public VideoRoomService(OriginCommands commands, MemberDirectory directory, Owners owners, IdGenerator ids) {
        this.commands = commands;
        this.directory = directory;
        this.owners = owners;
        this.ids = ids;
    }

    /** App API: the owner is the app's member {@code request.appUserId()}. */
    public Mono<VideoRoomSnapshot> createForMember(long appId, CreateVideoRoomRequest request) {
        return Mono.fromCallable(() -> {
                    if (request.appUserId() == null || request.appUserId().isEmpty()) {
                        throw ApiException.badRequest("EMPTY_VIDEO_ROOM_APP_USER_ID", "appUserId is required");
                    }
                    VideoRoomType type = VideoRoomRequests.type(request.type());
                    VideoRoomRules.checkNewRoom(type, request.scheduledAt(), details(request));
                    var entry = directory.find(appId, request.appUserId())
                            .filter(found -> owners.member(found.memberId()).isPresent())
                            .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No such member"));
                    return newRoom(appId, entry.memberId(), request.appUserId(), entry.streamKeyId(), type, request,
                            CreatorType.APP, appId);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, Origin.app(appId)));
    }

    /** Member API: the owner is the caller. */
    public Mono<VideoRoomSnapshot> createAsMember(long appId, long memberId, String appUserId,
                                                 CreateVideoRoomRequest request) {
        return Mono.fromCallable(() -> {
                    VideoRoomType type = VideoRoomRequests.type(request.type());
                    VideoRoomRules.checkNewRoom(type, request.scheduledAt(), details(request));
                    Long streamKeyId = directory.find(appId, appUserId)
                            .filter(entry -> entry.memberId() == memberId)
                            .map(MemberDirectory.Entry::streamKeyId)
                            .orElse(null);
                    return newRoom(appId, memberId, appUserId, streamKeyId, type, request, CreatorType.MEMBER,
                            memberId);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, Origin.member(memberId)));
    }

    public Mono<VideoRoomSnapshot> update(UpdateVideoRoom command, Origin origin) {
        return this.<VideoRoomSnapshot>send(command, origin);
    }

    public Mono<Void> delete(DeleteVideoRoom command, Origin origin) {
        return this.<Object>send(command, origin).then();
    }

    public Mono<VideoRoomSnapshot> cancel(CancelVideoRoom command, Origin origin) {
        return send(command, origin);
    }

    /** App API: puts the app's member {@code appUserId} on the room's allowlist (idempotent). */
    public Mono<Void> allow(long appId, long videoRoomId, String appUserId, Origin origin) {
        return allowlist(appId, videoRoomId, appUserId, origin,
                member -> new AllowMemberOnVideoRoom(videoRoomId, appId, member.memberId(), appUserId));
    }

    /** App API: takes the app's member {@code appUserId} off the room's allowlist (idempotent). */
    public Mono<Void> disallow(long appId, long videoRoomId, String appUserId, Origin origin) {
        return allowlist(appId, videoRoomId, appUserId, origin,
                member -> new DisallowMemberOnVideoRoom(videoRoomId, appId, member.memberId(), appUserId));
    }

    /**
     * The room answers first: for another app's (or a missing) room it is 404 {@code VIDEO_ROOM_NOT_FOUND} whatever
     * the member, so the answer says nothing about the members of another app. Then an unknown or deleted member
     * of the app is 404 {@code MEMBER_NOT_FOUND}.
     */
    private Mono<Void> allowlist(long appId, long videoRoomId, String appUserId, Origin origin,
                                 Function<MemberDirectory.Entry, Object> command) {
        return Mono.fromCallable(() -> directory.find(appId, appUserId)
                        .filter(found -> owners.member(found.memberId()).isPresent()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(member -> member.isPresent()
                        ? this.<Object>send(command.apply(member.get()), origin).then()
                        : this.<Object>send(new InspectVideoRoom(videoRoomId, appId, null), origin)
                                .then(Mono.error(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No such member"))));
    }

    private <R> Mono<R> send(Object command, Origin origin) {
        return commands.<R>send(command, origin).onErrorMap(AggregateNotFoundException.class,
                e -> videoRoomNotFound());
    }

    private CreateVideoRoom newRoom(long appId, long memberId, String appUserId, Long streamKeyId,
                                    VideoRoomType type, CreateVideoRoomRequest request, CreatorType creatorType,
                                    long creatorId) {
        Instant scheduledAt = request.scheduledAt();
        return new CreateVideoRoom(ids.nextId(), appId, memberId, appUserId, streamKeyId, type, details(request),
                scheduledAt, UUID.randomUUID().toString(), creatorType, creatorId);
    }

    private static VideoRoomDetails details(CreateVideoRoomRequest request) {
        return new VideoRoomDetails(request.title(), request.description(), request.accessLevel(),
                request.customType(), request.customData());
    }

    public static ApiException videoRoomNotFound() {
        return ApiException.notFound("VIDEO_ROOM_NOT_FOUND", "No such video room");
    }
}
