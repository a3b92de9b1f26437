package io.flipflop.query.relationship;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.paging.PageResponse;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Lists of a member's relationships, our addition next to the App API's follow and friend writes. They answer
 * pages of members, as the member listing does, so an app server reads names and profiles in one call.
 */
@RestController
@RequestMapping("/v2/apps/me/members/{appUserId}")
@Tag(name = "App API: member relationships", description = "Follow, unfollow, befriend and unfriend members")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppRelationshipQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PAGE = " A page of members (0-based `number`) ordered by appUserId; members deleted "
            + "since are left out. `pageSize` defaults to " + Paging.DEFAULT_SIZE + ", at most " + Paging.MAX_SIZE
            + ".";

    private final MemberQueries members;
    private final RelationshipQueries relationships;

    public AppRelationshipQueryController(MemberQueries members, RelationshipQueries relationships) {
        this.members = members;
        this.relationships = relationships;
    }

    @GetMapping("/followings")
    @Operation(operationId = "listMemberFollowings", summary = "List whom a member follows", description =
            "The members appUserId follows." + PAGE)
    @ApiResponse(responseCode = "200", description = "One page of members")
    @ApiResponse(responseCode = "404", description = "MEMBER_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<MemberView>> followings(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable String appUserId,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size") @RequestParam(required = false) Integer pageSize) {
        return list(app, appUserId, page, pageSize, relationships::followings);
    }

    @GetMapping("/followers")
    @Operation(operationId = "listMemberFollowers", summary = "List a member's followers", description =
            "The members following appUserId." + PAGE)
    @ApiResponse(responseCode = "200", description = "One page of members")
    @ApiResponse(responseCode = "404", description = "MEMBER_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<MemberView>> followers(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable String appUserId,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size") @RequestParam(required = false) Integer pageSize) {
        return list(app, appUserId, page, pageSize, relationships::followers);
    }

    @GetMapping("/friends")
    @Operation(operationId = "listMemberFriends", summary = "List a member's friends", description =
            "The members appUserId is friends with (as recorded on appUserId's side)." + PAGE)
    @ApiResponse(responseCode = "200", description = "One page of members")
    @ApiResponse(responseCode = "404", description = "MEMBER_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<PageResponse<MemberView>> friends(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable String appUserId,
            @Parameter(description = "0-based page number, default 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size") @RequestParam(required = false) Integer pageSize) {
        return list(app, appUserId, page, pageSize, relationships::friends);
    }

    /** One of {@link RelationshipQueries}' lists of a member's relationships. */
    private interface Listing {
        Mono<PageResponse<MemberView>> page(AppRef app, long member, Paging paging);
    }

    private Mono<PageResponse<MemberView>> list(AuthenticatedApp app, String appUserId, Integer page,
                                                Integer pageSize, Listing listing) {
        Paging paging = Paging.of(page, pageSize);
        return members.find(app.appRef(), appUserId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                        "No member with appUserId " + appUserId)))
                .flatMap(member -> listing.page(app.appRef(), member.id(), paging));
    }
}
