package io.flipflop.query.member;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.member.MemberView;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The member client's view of itself (reference §11.1). */
@RestController
@RequestMapping("/v2/members/me")
@Tag(name = "Member API: me", description = "The member the access token was issued to (Bearer)")
@SecurityRequirement(name = ApiSecurityDocumentation.MEMBER_BEARER)
public class MemberSelfQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final MemberQueries members;

    public MemberSelfQueryController(MemberQueries members) {
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "Get me", description = "Always carries `app`: the FlipFlop SDK fails without it.")
    @ApiResponse(responseCode = "200", description = "The member",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = MemberView.class)))
    @ApiResponse(responseCode = "404", description = "MEMBER_NOT_FOUND (the member was deleted)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<MemberView> me(@AuthenticationPrincipal AuthenticatedMember member) {
        return members.self(member.appId(), member.memberId(), member.appUserId())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                        "The member of this token no longer exists")));
    }
}
