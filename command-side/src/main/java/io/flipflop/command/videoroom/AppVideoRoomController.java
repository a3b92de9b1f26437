package io.flipflop.command.videoroom;

import io.flipflop.api.videoroom.CancelVideoRoom;
import io.flipflop.api.videoroom.CreateVideoRoomRequest;
import io.flipflop.api.videoroom.DeleteVideoRoom;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.command.broadcast.BroadcastService;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.streamkey.IngestingStreamKeys;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * FlipFlop App API video room writes (reference §7), called by the app server. A room of another app is not
 * found (404), never forbidden. Answers carry the room as it is after the write. Reads are the query side's.
 */
@RestController
@RequestMapping("/v2/apps/me/video-rooms")
@Tag(name = "App API: video rooms",
        description = "Create, delete, go live, end and cancel rooms; edit their allowlists")
@SecurityRequirement(name = "appBasic")
public class AppVideoRoomController {

    private final VideoRoomService rooms;
    private final BroadcastService broadcasts;
    private final Owners owners;
    private final PlaybackUrls urls;
    private final IngestingStreamKeys ingesting;

    public AppVideoRoomController(VideoRoomService rooms, BroadcastService broadcasts, Owners owners,
                              PlaybackUrls urls, IngestingStreamKeys ingesting) {
        this.urls = urls;
        this.ingesting = ingesting;
        this.rooms = rooms;
        this.broadcasts = broadcasts;
        this.owners = owners;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createVideoRoom", summary = "Create a video room",
            description = "A SCHEDULED room owned by the member appUserId. type VIDEO_SURVEILLANCE is accepted for "
                    + "SURVEILLANCE. 201 with the VideoRoom. Errors: 400 EMPTY_VIDEO_ROOM_APP_USER_ID, "
                    + "EMPTY_VIDEO_ROOM_TYPE, EMPTY_VIDEO_ROOM_SCHEDULED_AT (BROADCAST_RTMP), CUSTOM_* limits; "
                    + "404 MEMBER_NOT_FOUND.")
    public Mono<VideoRoomView> create(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @RequestBody(required = false) CreateVideoRoomRequest request) {
        return rooms.createForMember(app.appId(), request == null ? CreateVideoRoomRequest.EMPTY : request)
                .flatMap(room -> view(room, app));
    }

    @DeleteMapping("/{videoRoomId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteVideoRoom", summary = "Delete a video room",
            description = "204. Errors: 404 VIDEO_ROOM_NOT_FOUND; 400 when the room is on air "
                    + "(VIDEO_ROOM_STATE_NOT_SCHEDULED_OR_CANCELLED_OR_ENDED_OR_ARCHIVED).")
    public Mono<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                             @PathVariable long videoRoomId) {
        return rooms.delete(new DeleteVideoRoom(videoRoomId, app.appId(), null), Origin.app(app.appId()));
    }

    @PostMapping("/{videoRoomId}/rtmp-broadcast/state/live")
    @Operation(operationId = "goLive", summary = "Go live",
            description = "Room SCHEDULED → LIVE, owner's stream key ACTIVE → ACTIVE_LIVE. 200 with the VideoRoom. "
                    + "Errors: 404 VIDEO_ROOM_NOT_FOUND, STREAM_KEY_NOT_FOUND; 400 VIDEO_ROOM_TYPE_NOT_BROADCAST_RTMP, "
                    + "VIDEO_ROOM_STATE_NOT_SCHEDULED, STREAM_KEY_STATE_NOT_ACTIVE.")
    public Mono<VideoRoomView> goLive(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @PathVariable long videoRoomId) {
        return broadcasts.goLive(videoRoomId, app.appId(), null, Origin.app(app.appId()))
                .flatMap(room -> view(room, app));
    }

    @PostMapping("/{videoRoomId}/rtmp-broadcast/state/ended")
    @Operation(operationId = "endBroadcast", summary = "End the broadcast",
            description = "Room LIVE_INACTIVE → ENDED, stream key INACTIVE_LIVE → INACTIVE (ingest must have "
                    + "stopped); archiving follows. 200 with the VideoRoom. Errors: 404 VIDEO_ROOM_NOT_FOUND; 400 "
                    + "VIDEO_ROOM_TYPE_NOT_BROADCAST_RTMP, VIDEO_ROOM_STATE_NOT_LIVE_INACTIVE, "
                    + "STREAM_KEY_STATE_NOT_INACTIVE_LIVE.")
    public Mono<VideoRoomView> end(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                   @PathVariable long videoRoomId) {
        return broadcasts.end(videoRoomId, app.appId(), null, Origin.app(app.appId()))
                .flatMap(room -> view(room, app));
    }

    @PostMapping("/{videoRoomId}/rtmp-broadcast/state/cancelled")
    @Operation(operationId = "cancelVideoRoom", summary = "Cancel a scheduled room",
            description = "SCHEDULED → CANCELLED. 200 with the VideoRoom. Errors: 404 VIDEO_ROOM_NOT_FOUND; 400 "
                    + "VIDEO_ROOM_STATE_NOT_SCHEDULED.")
    public Mono<VideoRoomView> cancel(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @PathVariable long videoRoomId) {
        return rooms.cancel(new CancelVideoRoom(videoRoomId, app.appId(), null), Origin.app(app.appId()))
                .flatMap(room -> view(room, app));
    }

    @PutMapping("/{videoRoomId}/allowlist/{appUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "allowMemberOnVideoRoom", summary = "Put a member on the room's allowlist",
            description = "The allowlist decides who views a RESTRICTED room (kept at every level). Allowed in "
                    + "every state until the room is deleted. 204, also when the member already was on it. "
                    + "Errors: 404 VIDEO_ROOM_NOT_FOUND, MEMBER_NOT_FOUND.")
    public Mono<Void> allow(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                            @PathVariable long videoRoomId, @PathVariable String appUserId) {
        return rooms.allow(app.appId(), videoRoomId, appUserId, Origin.app(app.appId()));
    }

    @DeleteMapping("/{videoRoomId}/allowlist/{appUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "disallowMemberOnVideoRoom", summary = "Take a member off the room's allowlist",
            description = "204, also when the member was not on it. Errors: 404 VIDEO_ROOM_NOT_FOUND, "
                    + "MEMBER_NOT_FOUND.")
    public Mono<Void> disallow(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                               @PathVariable long videoRoomId, @PathVariable String appUserId) {
        return rooms.disallow(app.appId(), videoRoomId, appUserId, Origin.app(app.appId()));
    }

    private Mono<VideoRoomView> view(VideoRoomSnapshot room, AuthenticatedApp app) {
        return Mono.fromCallable(() -> VideoRoomViews.view(room, app.appRef(),
                        owners.member(room.memberId()).orElse(null), urls, ingesting))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
