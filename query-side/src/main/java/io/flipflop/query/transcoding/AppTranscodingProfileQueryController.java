package io.flipflop.query.transcoding;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.RepresentativeType;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.transcoding.TranscodingProfileView;
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

/** The App API's transcoding profiles (reference §9): the SYSTEM profiles and the calling app's own. */
@RestController
@RequestMapping("/v2/apps/me/transcoding-profiles")
@Tag(name = "App API: transcoding profiles",
        description = "Profiles a video post may name (HTTP Basic apiKey:apiSecret)")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppTranscodingProfileQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final TranscodingProfileQueries profiles;

    public AppTranscodingProfileQueryController(TranscodingProfileQueries profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @Operation(operationId = "listTranscodingProfiles", summary = "List transcoding profiles",
            description = "The SYSTEM profiles (fixed ids 1-4, see docs/API.md) and the app's own ACTIVE profiles, "
                    + "as a page whose `number` is 0-based. `pageSize` defaults to " + Paging.DEFAULT_SIZE
                    + " and is capped at " + Paging.MAX_SIZE + ".")
    @ApiResponse(responseCode = "200", description = "One page of profiles")
    @ApiResponse(responseCode = "400", description = "INVALID_SORT_BY, INVALID_TRANSCODING_PROFILE_TYPE, "
            + "INVALID_CREATOR_TYPE, INVALID_REPRESENTATIVE_TYPE",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<TranscodingProfileView>> list(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
            @Parameter(schema = @Schema(implementation = TranscodingProfileType.class))
            @RequestParam(required = false) String type,
            @Parameter(schema = @Schema(implementation = ProfileCreatorType.class))
            @RequestParam(required = false) String creatorType,
            @Parameter(schema = @Schema(implementation = RepresentativeType.class))
            @RequestParam(required = false) String representativeType,
            @Parameter(description = "Part of the name, any case") @RequestParam(required = false) String name,
            @Parameter(description = "Sort order, default CREATED_AT_ASC (the SYSTEM profiles first)",
                    schema = @Schema(implementation = TranscodingProfileSort.class))
            @RequestParam(required = false) String sortBy,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, default " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE)
            @RequestParam(required = false) Integer pageSize) {
        return profiles.list(app.appRef(), TranscodingProfileFilter.of(type, creatorType, representativeType, name),
                Paging.sortBy(sortBy, TranscodingProfileSort.class, TranscodingProfileSort.CREATED_AT_ASC),
                Paging.of(page, pageSize));
    }

    @GetMapping("/{profileId}")
    @Operation(operationId = "getTranscodingProfile", summary = "Get a transcoding profile",
            description = "A SYSTEM profile or one of the app's own. A deleted profile, or one of another app, "
                    + "answers like a missing one.")
    @ApiResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TranscodingProfileView.class)))
    @ApiResponse(responseCode = "404", description = "TRANSCODING_PROFILE_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<TranscodingProfileView> get(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                            @PathVariable long profileId) {
        return profiles.ofApp(app.appRef(), profileId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("TRANSCODING_PROFILE_NOT_FOUND",
                        "No transcoding profile " + profileId)));
    }
}
