package io.flipflop.query.transcoding;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.transcoding.TranscodingProfileView;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
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

/** The console's read of an app's transcoding profiles, as the App API lists them; another user's app is 404. */
@RestController
@Tag(name = "Console: transcoding profiles", description = "Make and delete the signed-in user's apps' profiles")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleTranscodingProfileQueryController {

    private final AppQueries apps;
    private final TranscodingProfileQueries profiles;

    public ConsoleTranscodingProfileQueryController(AppQueries apps, TranscodingProfileQueries profiles) {
        this.apps = apps;
        this.profiles = profiles;
    }

    @GetMapping("/console/v1/apps/{appId}/transcoding-profiles")
    @Operation(operationId = "listConsoleTranscodingProfiles", summary = "List the profiles an app's posts may name",
            description = "The SYSTEM profiles and the app's own ACTIVE ones, oldest first, 0-based pages.")
    @ApiResponse(responseCode = "200", description = "One page of profiles")
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, also for another user's app",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<TranscodingProfileView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @Parameter(schema = @Schema(implementation = TranscodingProfileType.class))
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer pageSize) {
        TranscodingProfileFilter filter = TranscodingProfileFilter.of(type, null, null, null);
        return apps.requireOwnedBy(user.userId(), appId).flatMap(app -> profiles.list(app, filter,
                TranscodingProfileSort.CREATED_AT_ASC, Paging.of(page, pageSize)));
    }
}
