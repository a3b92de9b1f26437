package io.flipflop.query.console;

import io.flipflop.api.audit.VideoRoomEventHistory;
import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.audit.VideoRoomAudit;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberSort;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.streamkey.AppStreamKeyQueryController;
import io.flipflop.query.streamkey.StreamKeyQueries;
import io.flipflop.query.videoroom.AppVideoRoomQueryController;
import io.flipflop.query.videoroom.VideoRoomFilter;
import io.flipflop.query.videoroom.VideoRoomQueries;
import io.flipflop.query.videoroom.VideoRoomSort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What the console shows of one of the user's apps: its members, rooms, a room's audit history and the stream
 * key its owner publishes with. The App API's reads, reached with the console session instead of the app's
 * credentials (which the console never keeps); every read first checks that the app is the caller's, so another
 * user's app answers 404 {@code APP_NOT_FOUND} exactly like a missing one.
 */
@RestController
@RequestMapping("/console/v1/apps/{appId}")
@Tag(name = "Console: app data", description = "Members, video rooms and audit of the signed-in user's apps")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleAppDataController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final AppQueries apps;
    private final MemberQueries members;
    private final VideoRoomQueries rooms;
    private final StreamKeyQueries keys;
    private final VideoRoomAudit audit;

    public ConsoleAppDataController(AppQueries apps, MemberQueries members, VideoRoomQueries rooms,
                                    StreamKeyQueries keys, VideoRoomAudit audit) {
        this.apps = apps;
        this.members = members;
        this.rooms = rooms;
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping("/members")
    @Operation(operationId = "listConsoleMembers", summary = "List an app's members",
            description = "Newest first, deleted ones excluded, 0-based pages as the App API's listing.")
    @ApiResponse(responseCode = "200", description = "One page of members")
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<MemberView>> members(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @Parameter(description = "Exact appUserId") @RequestParam(required = false) String appUserId,
            @Parameter(description = "Part of the appUserName, any case") @RequestParam(required = false)
            String appUserName,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pageSize) {
        return apps.requireOwnedBy(user.userId(), appId).flatMap(app -> members.list(app, appUserId, appUserName,
                MemberSort.CREATED_AT_DESC, Paging.of(page, pageSize)));
    }

    @GetMapping("/video-rooms")
    @Operation(operationId = "listConsoleVideoRooms", summary = "List an app's video rooms",
            description = "Newest first, deleted ones excluded, 0-based pages as the App API's listing.")
    @ApiResponse(responseCode = "200", description = "One page of rooms")
    @ApiResponse(responseCode = "400", description = "INVALID_VIDEO_ROOM_STATE",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<VideoRoomView>> videoRooms(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @Parameter(description = "Part of the title, any case") @RequestParam(required = false) String keyword,
            @Parameter(schema = @Schema(implementation = VideoRoomState.class)) @RequestParam(required = false)
            String videoRoomState,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pageSize) {
        VideoRoomFilter filter = VideoRoomFilter.of(null, keyword, videoRoomState, null, null);
        return apps.requireOwnedBy(user.userId(), appId).flatMap(app -> rooms.list(app, filter,
                VideoRoomSort.CREATED_AT_DESC, Paging.of(page, pageSize)));
    }

    @GetMapping("/video-rooms/{videoRoomId}")
    @Operation(operationId = "getConsoleVideoRoom", summary = "Get a video room of an app")
    @ApiResponse(responseCode = "200", description = "The room",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomView.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomView> videoRoom(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                         @PathVariable long appId, @PathVariable long videoRoomId) {
        return room(user, appId, videoRoomId);
    }

    @GetMapping("/video-rooms/{videoRoomId}/events")
    @Operation(operationId = "getConsoleVideoRoomHistory", summary = "A video room's audit history",
            description = "As `GET /v2/apps/me/audit/video-rooms/{id}/events`, from the event store.")
    @ApiResponse(responseCode = "200", description = "The history",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomEventHistory.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomEventHistory> history(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                               @PathVariable long appId, @PathVariable long videoRoomId) {
        return apps.requireOwnedBy(user.userId(), appId).then(audit.history(appId, videoRoomId));
    }

    @GetMapping("/video-rooms/{videoRoomId}/stream-key")
    @Operation(operationId = "getConsoleVideoRoomStreamKey", summary = "The stream key of a room's owner",
            description = "What OBS needs to publish to the room: `ingestUrl` (the server) and `streamKey`. A "
                    + "secret, so the answer is `Cache-Control: no-store`.")
    @ApiResponse(responseCode = "200", description = "The owner's stream key",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StreamKeyView.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, VIDEO_ROOM_NOT_FOUND, STREAM_KEY_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<ResponseEntity<StreamKeyView>> streamKey(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @PathVariable long videoRoomId) {
        return room(user, appId, videoRoomId)
                .flatMap(room -> keys.ofMember(room.app(), room.member().id()))
                .switchIfEmpty(Mono.error(() -> AppStreamKeyQueryController.notFound("of room " + videoRoomId + "'s owner")))
                .map(key -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(key));
    }

    private Mono<VideoRoomView> room(ConsoleUser user, long appId, long videoRoomId) {
        return apps.requireOwnedBy(user.userId(), appId)
                .flatMap(app -> rooms.ofApp(app, videoRoomId))
                .switchIfEmpty(Mono.error(() -> AppVideoRoomQueryController.notFound(videoRoomId)));
    }
}
