package io.flipflop.command.videoroom;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videoroom.CreateVideoRoomRequest;
import io.flipflop.api.videoroom.DeleteVideoRoom;
import io.flipflop.api.videoroom.UpdateVideoRoom;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.command.broadcast.BroadcastService;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.streamkey.IngestingStreamKeys;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.platform.security.AuthenticatedMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * FlipFlop member API room writes (reference §11), called by the member client with its access token. The
 * member acts on its own rooms only: another member's room, or another app's, is not found (404).
 */
@RestController
@RequestMapping("/v2/members/me/video-rooms")
@Tag(name = "Member API: video rooms", description = "Create, update, delete, start and end my rooms")
@SecurityRequirement(name = "memberBearer")
public class MemberVideoRoomController {

    private final VideoRoomService rooms;
    private final BroadcastService broadcasts;
    private final Owners owners;
    private final PlaybackUrls urls;
    private final IngestingStreamKeys ingesting;

    public MemberVideoRoomController(VideoRoomService rooms, BroadcastService broadcasts, Owners owners,
                              PlaybackUrls urls, IngestingStreamKeys ingesting) {
        this.urls = urls;
        this.ingesting = ingesting;
        this.rooms = rooms;
        this.broadcasts = broadcasts;
        this.owners = owners;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createMyVideoRoom", summary = "Create a room I own",
            description = "201 with the VideoRoom. Errors (400): EMPTY_VIDEO_ROOM_TYPE, "
                    + "EMPTY_VIDEO_ROOM_SCHEDULED_AT (BROADCAST_RTMP), CUSTOM_* limits.")
    public Mono<VideoRoomView> create(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                                      @RequestBody(required = false) CreateVideoRoomRequest request) {
        return rooms.createAsMember(member.appId(), member.memberId(), member.appUserId(),
                        request == null ? CreateVideoRoomRequest.EMPTY : request)
                .flatMap(this::view);
    }

    @PatchMapping("/{videoRoomId}")
    @Operation(operationId = "updateMyVideoRoom", summary = "Update my room",
            description = "title, description, accessLevel, customType, customData; an absent field is kept, an "
                    + "explicit null clears it. 200 with the VideoRoom. Errors: 404 VIDEO_ROOM_NOT_FOUND; 400 "
                    + "CUSTOM_* limits.")
    public Mono<VideoRoomView> update(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                                      @PathVariable long videoRoomId,
                                      @RequestBody(required = false) JsonNode body) {
        VideoRoomRequests.Patch patch = VideoRoomRequests.patch(body);
        return rooms.update(new UpdateVideoRoom(videoRoomId, member.appId(), member.memberId(), patch.values(),
                        patch.fields()), Origin.member(member.memberId()))
                .flatMap(this::view);
    }

    /** 200 rather than the App API's 204: the SDK throws on anything else (reference §21.7). */
    @DeleteMapping("/{videoRoomId}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "deleteMyVideoRoom", summary = "Delete my room",
            description = "200 with an empty body. Errors: 404 VIDEO_ROOM_NOT_FOUND; 400 when the room is on air.")
    public Mono<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                             @PathVariable long videoRoomId) {
        return rooms.delete(new DeleteVideoRoom(videoRoomId, member.appId(), member.memberId()),
                Origin.member(member.memberId()));
    }

    @PostMapping("/{videoRoomId}/start")
    @Operation(operationId = "startMyBroadcast", summary = "Start broadcasting (go live)",
            description = "As the App API's go live. 200 with the VideoRoom. Errors: 404 VIDEO_ROOM_NOT_FOUND, "
                    + "STREAM_KEY_NOT_FOUND; 400 VIDEO_ROOM_TYPE_NOT_BROADCAST_RTMP, VIDEO_ROOM_STATE_NOT_SCHEDULED, "
                    + "STREAM_KEY_STATE_NOT_ACTIVE.")
    public Mono<VideoRoomView> start(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                                     @PathVariable long videoRoomId) {
        return broadcasts.goLive(videoRoomId, member.appId(), member.memberId(), Origin.member(member.memberId()))
                .flatMap(this::view);
    }

    @PostMapping("/{videoRoomId}/end")
    @Operation(operationId = "endMyBroadcast", summary = "End my broadcast",
            description = "As the App API's end. 200 with the VideoRoom. Errors: 404 VIDEO_ROOM_NOT_FOUND; 400 "
                    + "VIDEO_ROOM_TYPE_NOT_BROADCAST_RTMP, VIDEO_ROOM_STATE_NOT_LIVE_INACTIVE, "
                    + "STREAM_KEY_STATE_NOT_INACTIVE_LIVE.")
    public Mono<VideoRoomView> end(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                                   @PathVariable long videoRoomId) {
        return broadcasts.end(videoRoomId, member.appId(), member.memberId(), Origin.member(member.memberId()))
                .flatMap(this::view);
    }

    private Mono<VideoRoomView> view(VideoRoomSnapshot room) {
        return Mono.fromCallable(() -> VideoRoomViews.view(room, owners.app(room.appId()),
                        owners.member(room.memberId()).orElse(null), urls, ingesting))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
