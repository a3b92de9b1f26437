package io.flipflop.command.member;

import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Member relationships, our addition in FlipFlop's App API style ("member follow/friend App API" of the getting
 * started guide, whose paths FlipFlop never published). They decide who sees FOLLOWER and FRIEND content.
 * PUT and DELETE are idempotent: the relationship exists, or not, afterwards, whatever it was before. The lists
 * ({@code GET .../followings}, {@code .../followers}, {@code .../friends}) are served by the query side.
 */
@RestController
@RequestMapping("/v2/apps/me/members/{appUserId}")
@Tag(name = "App API: member relationships", description = "Follow, unfollow, befriend and unfriend members")
@SecurityRequirement(name = "appBasic")
public class MemberRelationshipController {

    private static final String ERRORS = " Errors: 404 MEMBER_NOT_FOUND (either member unknown or of another app);"
            + " 400 CANNOT_RELATE_TO_SELF.";

    private final MemberService members;

    public MemberRelationshipController(MemberService members) {
        this.members = members;
    }

    @PutMapping("/followings/{otherAppUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "followMember", summary = "Follow a member",
            description = "appUserId follows otherAppUserId. 204, also when it already did." + ERRORS)
    public Mono<Void> follow(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                             @PathVariable String appUserId, @PathVariable String otherAppUserId) {
        return members.follow(app.appId(), appUserId, otherAppUserId);
    }

    @DeleteMapping("/followings/{otherAppUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unfollowMember", summary = "Unfollow a member",
            description = "appUserId stops following otherAppUserId. 204, also when it did not follow it." + ERRORS)
    public Mono<Void> unfollow(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                               @PathVariable String appUserId, @PathVariable String otherAppUserId) {
        return members.unfollow(app.appId(), appUserId, otherAppUserId);
    }

    @PutMapping("/friends/{otherAppUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "befriendMember", summary = "Make two members friends",
            description = "Friendship is mutual: both members become each other's friend. 204, also when they "
                    + "already were." + ERRORS)
    public Mono<Void> befriend(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                               @PathVariable String appUserId, @PathVariable String otherAppUserId) {
        return members.befriend(app.appId(), appUserId, otherAppUserId);
    }

    @DeleteMapping("/friends/{otherAppUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unfriendMember", summary = "End a friendship",
            description = "Removes the friendship on both sides. 204, also when they were not friends." + ERRORS)
    public Mono<Void> unfriend(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                               @PathVariable String appUserId, @PathVariable String otherAppUserId) {
        return members.unfriend(app.appId(), appUserId, otherAppUserId);
    }
}
