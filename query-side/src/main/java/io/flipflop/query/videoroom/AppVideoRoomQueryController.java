package io.flipflop.query.videoroom;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.query.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The App API's room reads (reference §7.2, §7.3), always scoped to the calling app. */
@RestController
@RequestMapping("/v2/apps/me/video-rooms")
@Tag(name = "App API: video rooms", description = "Video rooms of the calling app (HTTP Basic apiKey:apiSecret)")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppVideoRoomQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final VideoRoomQueries rooms;

    public AppVideoRoomQueryController(VideoRoomQueries rooms) {
        this.rooms = rooms;
    }

    @GetMapping
    @Operation(operationId = "listVideoRooms", summary = "List video rooms",
            description = "The app's rooms, deleted ones excluded, as a page whose `number` is 0-based. "
                    + "`pageSize` defaults to " + Paging.DEFAULT_SIZE + " and is capped at " + Paging.MAX_SIZE
                    + ". Unlike FlipFlop Cloud, `accessLevel` does filter (every level is implemented).")
    @ApiResponse(responseCode = "200", description = "One page of rooms")
    @ApiResponse(responseCode = "400",
            description = "INVALID_SORT_BY, INVALID_VIDEO_ROOM_STATE, INVALID_VIDEO_ROOM_TYPE, INVALID_ACCESS_LEVEL",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<VideoRoomView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
            @Parameter(description = "The owner's member id") @RequestParam(required = false) Long memberId,
            @Parameter(description = "Part of the title, any case") @RequestParam(required = false) String keyword,
            @Parameter(schema = @Schema(implementation = VideoRoomState.class)) @RequestParam(required = false)
            String videoRoomState,
            @Parameter(description = "Room type; VIDEO_SURVEILLANCE reads as SURVEILLANCE",
                    schema = @Schema(implementation = VideoRoomType.class)) @RequestParam(required = false)
            String type,
            @Parameter(schema = @Schema(implementation = AccessLevel.class)) @RequestParam(required = false)
            String accessLevel,
            @Parameter(description = "Sort order, default CREATED_AT_DESC",
                    schema = @Schema(implementation = VideoRoomSort.class)) @RequestParam(required = false)
            String sortBy,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false)
            Integer page,
            @Parameter(description = "Page size, default " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE)
            @RequestParam(required = false) Integer pageSize) {
        VideoRoomSort sort = Paging.sortBy(sortBy, VideoRoomSort.class, VideoRoomSort.CREATED_AT_DESC);
        VideoRoomFilter filter = VideoRoomFilter.of(memberId, keyword, videoRoomState, type, accessLevel);
        return rooms.list(app.appRef(), filter, sort, Paging.of(page, pageSize));
    }

    @GetMapping("/{videoRoomId}")
    @Operation(operationId = "getVideoRoom", summary = "Get a video room",
            description = "A deleted room, or one of another app, answers like a missing one.")
    @ApiResponse(responseCode = "200", description = "The room",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomView.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomView> get(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                   @PathVariable long videoRoomId) {
        return rooms.ofApp(app.appRef(), videoRoomId)
                .switchIfEmpty(Mono.error(() -> notFound(videoRoomId)));
    }

    public static ApiException notFound(Object videoRoom) {
        return ApiException.notFound("VIDEO_ROOM_NOT_FOUND", "No video room " + videoRoom);
    }
}
