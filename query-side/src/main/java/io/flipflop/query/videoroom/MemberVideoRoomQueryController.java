package io.flipflop.query.videoroom;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedMember;
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

/**
 * The member client's room reads (reference §11.4–11.6). The listing holds the caller's own rooms, as D10 says;
 * a single room is shown to its owner and to any member of its app whom the room's access level admits.
 */
@RestController
@RequestMapping("/v2/members/me/video-rooms")
@Tag(name = "Member API: video rooms", description = "My rooms, and the rooms I may view (Bearer)")
@SecurityRequirement(name = ApiSecurityDocumentation.MEMBER_BEARER)
public class MemberVideoRoomQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String WHO = " Shown to its owner, and to members of its app its access level admits "
            + "(APP: any member or guest; MEMBER: any non-guest; FOLLOWER / FRIEND: the owner's followers / friends;"
            + " RESTRICTED: the allowlist; PRIVATE: nobody else). A room the caller may not view, a deleted room "
            + "and a room of another app answer like a missing one.";

    private final VideoRoomQueries rooms;

    public MemberVideoRoomQueryController(VideoRoomQueries rooms) {
        this.rooms = rooms;
    }

    @GetMapping
    @Operation(operationId = "listMyVideoRooms", summary = "List my video rooms",
            description = "The caller's own rooms, deleted ones excluded, as a page whose `number` is 0-based.")
    @ApiResponse(responseCode = "200", description = "One page of rooms")
    @ApiResponse(responseCode = "400",
            description = "INVALID_SORT_BY, INVALID_VIDEO_ROOM_STATE, INVALID_VIDEO_ROOM_TYPE",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<VideoRoomView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
            @Parameter(schema = @Schema(implementation = VideoRoomState.class)) @RequestParam(required = false)
            String videoRoomState,
            @Parameter(description = "Room type; VIDEO_SURVEILLANCE reads as SURVEILLANCE",
                    schema = @Schema(implementation = VideoRoomType.class)) @RequestParam(required = false)
            String type,
            @Parameter(description = "Sort order, default CREATED_AT_DESC",
                    schema = @Schema(implementation = VideoRoomSort.class)) @RequestParam(required = false)
            String sortBy,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false)
            Integer page,
            @Parameter(description = "Page size, default " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE)
            @RequestParam(required = false) Integer pageSize) {
        VideoRoomSort sort = Paging.sortBy(sortBy, VideoRoomSort.class, VideoRoomSort.CREATED_AT_DESC);
        VideoRoomFilter filter = VideoRoomFilter.of(null, null, videoRoomState, type, null);
        return rooms.ownedBy(member.appId(), member.memberId(), filter, sort, Paging.of(page, pageSize));
    }

    @GetMapping("/{videoRoomId}")
    @Operation(operationId = "getMyVideoRoom", summary = "Get a video room", description = "The room." + WHO)
    @ApiResponse(responseCode = "200", description = "The room",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomView.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomView> get(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                                   @PathVariable long videoRoomId) {
        return rooms.forMember(viewer(member), videoRoomId)
                .switchIfEmpty(Mono.error(() -> AppVideoRoomQueryController.notFound(videoRoomId)));
    }

    @GetMapping("/uuid/{videoRoomUuid}")
    @Operation(operationId = "getMyVideoRoomByUuid", summary = "Get a video room by its uuid",
            description = "The room with that uuid (its room code)." + WHO)
    @ApiResponse(responseCode = "200", description = "The room",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomView.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomView> getByUuid(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member,
                                         @PathVariable String videoRoomUuid) {
        return rooms.forMemberByUuid(viewer(member), videoRoomUuid)
                .switchIfEmpty(Mono.error(() -> AppVideoRoomQueryController.notFound(videoRoomUuid)));
    }

    private static Viewer.Member viewer(AuthenticatedMember member) {
        return new Viewer.Member(member.appId(), member.memberId(), member.guest());
    }
}
