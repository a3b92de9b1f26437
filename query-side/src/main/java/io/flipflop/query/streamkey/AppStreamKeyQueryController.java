package io.flipflop.query.streamkey;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.query.member.MemberQueries;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The App API's stream key reads (reference §6.1–6.3), always scoped to the calling app. */
@RestController
@Tag(name = "App API: stream keys",
        description = "Stream keys of the calling app's members (HTTP Basic apiKey:apiSecret)")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppStreamKeyQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final StreamKeyQueries keys;
    private final MemberQueries members;

    public AppStreamKeyQueryController(StreamKeyQueries keys, MemberQueries members) {
        this.keys = keys;
        this.members = members;
    }

    @GetMapping("/v2/apps/me/members/{appUserId}/stream-key")
    @Operation(operationId = "getMemberStreamKey", summary = "Get a member's stream key",
            description = "A guest has no stream key.")
    @ApiResponse(responseCode = "200", description = "The stream key",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StreamKeyView.class)))
    @ApiResponse(responseCode = "404", description = "MEMBER_NOT_FOUND, STREAM_KEY_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<StreamKeyView> ofMember(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                        @PathVariable String appUserId) {
        return members.find(app.appRef(), appUserId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                        "No member with appUserId " + appUserId)))
                .flatMap(member -> keys.ofMember(app.appRef(), member.id())
                        .switchIfEmpty(Mono.error(() -> notFound("of member " + appUserId))));
    }

    @GetMapping("/v2/apps/me/stream-keys")
    @Operation(operationId = "listStreamKeys", summary = "List stream keys",
            description = "The app's stream keys (keys of deleted members excluded), as a page whose `number` is "
                    + "0-based. `pageSize` defaults to " + Paging.DEFAULT_SIZE + " and is capped at "
                    + Paging.MAX_SIZE + ".")
    @ApiResponse(responseCode = "200", description = "One page of stream keys")
    @ApiResponse(responseCode = "400", description = "INVALID_SORT_BY",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<StreamKeyView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
            @Parameter(description = "The owner's member id") @RequestParam(required = false) Long memberId,
            @Parameter(description = "The owner's exact appUserId") @RequestParam(required = false) String appUserId,
            @Parameter(description = "Part of the owner's appUserName, any case") @RequestParam(required = false)
            String appUserName,
            @Parameter(description = "The room the key is live for") @RequestParam(required = false)
            Long videoRoomId,
            @Parameter(description = "Sort order, default CREATED_AT_DESC",
                    schema = @Schema(implementation = StreamKeySort.class)) @RequestParam(required = false)
            String sortBy,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false)
            Integer page,
            @Parameter(description = "Page size, default " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE)
            @RequestParam(required = false) Integer pageSize) {
        StreamKeySort sort = Paging.sortBy(sortBy, StreamKeySort.class, StreamKeySort.CREATED_AT_DESC);
        return keys.list(app.appRef(), memberId, appUserId, appUserName, videoRoomId, sort, Paging.of(page, pageSize));
    }

    @GetMapping("/v2/apps/me/stream-keys/{streamKeyId}")
    @Operation(operationId = "getStreamKey", summary = "Get a stream key",
            description = "A key of another app, or of a deleted member, answers like a missing one.")
    @ApiResponse(responseCode = "200", description = "The stream key",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StreamKeyView.class)))
    @ApiResponse(responseCode = "404", description = "STREAM_KEY_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<StreamKeyView> get(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                   @PathVariable long streamKeyId) {
        return keys.ofApp(app.appRef(), streamKeyId)
                .switchIfEmpty(Mono.error(() -> notFound(streamKeyId)));
    }

    public static ApiException notFound(Object streamKey) {
        return ApiException.notFound("STREAM_KEY_NOT_FOUND", "No stream key " + streamKey);
    }
}
