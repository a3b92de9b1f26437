package io.flipflop.query.console;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostView;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.videopost.AppVideoPostQueryController;
import io.flipflop.query.videopost.VideoPostFilter;
import io.flipflop.query.videopost.VideoPostQueries;
import io.flipflop.query.videopost.VideoPostSort;
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
 * The video posts of one of the user's apps, for the console's posts page: the App API's post reads with the
 * console session. The app is checked first, so another user's app answers 404 {@code APP_NOT_FOUND} like a
 * missing one.
 */
@RestController
@RequestMapping("/console/v1/apps/{appId}/video-posts")
@Tag(name = "Console: app data", description = "Members, video rooms and audit of the signed-in user's apps")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleVideoPostController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final AppQueries apps;
    private final VideoPostQueries posts;

    public ConsoleVideoPostController(AppQueries apps, VideoPostQueries posts) {
        this.apps = apps;
        this.posts = posts;
    }

    @GetMapping
    @Operation(operationId = "listConsoleVideoPosts", summary = "List an app's video posts",
            description = "Newest first, deleted ones excluded, 0-based pages as the App API's listing.")
    @ApiResponse(responseCode = "200", description = "One page of posts")
    @ApiResponse(responseCode = "400", description = "INVALID_VIDEO_POST_STATE",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<VideoPostView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @Parameter(description = "Part of the title, any case") @RequestParam(required = false) String keyword,
            @Parameter(schema = @Schema(implementation = VideoPostState.class)) @RequestParam(required = false)
            String videoPostState,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pageSize) {
        VideoPostFilter filter = VideoPostFilter.of(null, null, videoPostState, null, null, keyword);
        return apps.requireOwnedBy(user.userId(), appId).flatMap(app -> posts.list(app, filter,
                VideoPostSort.CREATED_AT_DESC, Paging.of(page, pageSize)));
    }

    @GetMapping("/{videoPostId}")
    @Operation(operationId = "getConsoleVideoPost", summary = "Get a video post of an app",
            description = "With the job's progress (processing.percent, fps, etaSeconds) while PROCESSING.")
    @ApiResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoPostView.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, VIDEO_POST_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoPostView> get(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                   @PathVariable long appId, @PathVariable long videoPostId) {
        return apps.requireOwnedBy(user.userId(), appId)
                .flatMap(app -> posts.ofApp(app, videoPostId))
                .switchIfEmpty(Mono.error(() -> AppVideoPostQueryController.notFound(videoPostId)));
    }
}
