package io.flipflop.query.member;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.paging.PageResponse;
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

/** The App API's member reads (reference §5.5, §5.6), always scoped to the calling app. */
@RestController
@RequestMapping("/v2/apps/me/members")
@Tag(name = "App API: members", description = "Members of the calling app (HTTP Basic apiKey:apiSecret)")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppMemberQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final MemberQueries members;

    public AppMemberQueryController(MemberQueries members) {
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "List members",
            description = "The app's members, deleted ones excluded, as a page whose `number` is 0-based. "
                    + "`pageSize` defaults to " + Paging.DEFAULT_SIZE + " and is capped at " + Paging.MAX_SIZE
                    + "; a negative `page` reads as 0.")
    @ApiResponse(responseCode = "200", description = "One page of members")
    @ApiResponse(responseCode = "400", description = "INVALID_SORT_BY",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<MemberView>> list(
            @AuthenticationPrincipal AuthenticatedApp app,
            @Parameter(description = "Exact appUserId") @RequestParam(required = false) String appUserId,
            @Parameter(description = "Part of the appUserName, any case") @RequestParam(required = false)
            String appUserName,
            @Parameter(description = "Sort order, default CREATED_AT_DESC",
                    schema = @Schema(implementation = MemberSort.class)) @RequestParam(required = false)
            String sortBy,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false)
            Integer page,
            @Parameter(description = "Page size, default " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE)
            @RequestParam(required = false) Integer pageSize) {
        MemberSort sort = Paging.sortBy(sortBy, MemberSort.class, MemberSort.CREATED_AT_DESC);
        return members.list(app.appRef(), appUserId, appUserName, sort, Paging.of(page, pageSize));
    }

    @GetMapping("/{appUserId}")
    @Operation(summary = "Get a member", description = "A deleted member answers like a missing one.")
    @ApiResponse(responseCode = "200", description = "The member",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = MemberView.class)))
    @ApiResponse(responseCode = "404", description = "MEMBER_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<MemberView> get(@AuthenticationPrincipal AuthenticatedApp app, @PathVariable String appUserId) {
        return members.find(app.appRef(), appUserId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                        "No member with appUserId " + appUserId)));
    }
}
