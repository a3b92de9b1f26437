package io.flipflop.query.videopost;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostView;
import io.flipflop.api.videoroom.AccessLevel;
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

/** The App API's post reads (reference §10.2, §10.3), always scoped to the calling app. */
@RestController
@RequestMapping("/v2/apps/me/video-posts")
@Tag(name = "App API: video posts", description = "Video posts of the calling app (HTTP Basic apiKey:apiSecret)")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppVideoPostQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final VideoPostQueries posts;

    public AppVideoPostQueryController(VideoPostQueries posts) {
        this.posts = posts;
    }

    @GetMapping
    @Operation(operationId = "listVideoPosts", summary = "List video posts",
            description = "The app's posts, deleted ones excluded, as a page whose `number` is 0-based. `pageSize` "
                    + "defaults to " + Paging.DEFAULT_SIZE + " and is capped at " + Paging.MAX_SIZE + ". The access "
                    + "level filter is read as `accessLevel` or SRV's `acccessLevel`.")
    @ApiResponse(responseCode = "200", description = "One page of posts")
    @ApiResponse(responseCode = "400", description = "INVALID_SORT_BY, INVALID_VIDEO_POST_STATE, INVALID_ACCESS_LEVEL",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<VideoPostView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
            @Parameter(description = "The owner's member id") @RequestParam(required = false) Long memberId,
            @Parameter(description = "The owner's appUserId") @RequestParam(required = false) String appUserId,
            @Parameter(schema = @Schema(implementation = VideoPostState.class)) @RequestParam(required = false)
            String videoPostState,
            @Parameter(schema = @Schema(implementation = AccessLevel.class)) @RequestParam(required = false)
            String accessLevel,
            @Parameter(description = "SRV's spelling of accessLevel", schema = @Schema(implementation = AccessLevel.class))
            @RequestParam(required = false) String acccessLevel,
            @Parameter(description = "Part of the title, any case") @RequestParam(required = false) String keyword,
            @Parameter(description = "Sort order, default CREATED_AT_DESC",
                    schema = @Schema(implementation = VideoPostSort.class)) @RequestParam(required = false)
            String sortBy,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, default " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE)
            @RequestParam(required = false) Integer pageSize) {
        VideoPostSort sort = Paging.sortBy(sortBy, VideoPostSort.class, VideoPostSort.CREATED_AT_DESC);
        VideoPostFilter filter = VideoPostFilter.of(memberId, appUserId, videoPostState, accessLevel, acccessLevel,
                keyword);
        return posts.list(app.appRef(), filter, sort, Paging.of(page, pageSize));
    }

    @GetMapping("/{videoPostId}")
    @Operation(operationId = "getVideoPost", summary = "Get a video post",
            description = "With the transcoding's progress (processing.percent, fps, etaSeconds) while PROCESSING "
                    + "and the failure reason after a failure. A deleted post, or one of another app, answers like a "
                    + "missing one.")
    @ApiResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoPostView.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_POST_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoPostView> get(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                   @PathVariable long videoPostId) {
        return posts.ofApp(app.appRef(), videoPostId).switchIfEmpty(Mono.error(() -> notFound(videoPostId)));
    }

    public static ApiException notFound(long videoPostId) {
        return ApiException.notFound("VIDEO_POST_NOT_FOUND", "No video post " + videoPostId);
    }
}
