package io.flipflop.query.streamkey;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedMember;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The member client's own stream key (reference §11.2). */
@RestController
@Tag(name = "Member API: me", description = "The member the access token was issued to (Bearer)")
@SecurityRequirement(name = ApiSecurityDocumentation.MEMBER_BEARER)
public class MemberStreamKeyQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final StreamKeyQueries keys;

    public MemberStreamKeyQueryController(StreamKeyQueries keys) {
        this.keys = keys;
    }

    @GetMapping("/v2/members/me/stream-key")
    @Operation(operationId = "getMyStreamKey", summary = "Get my stream key",
            description = "With the key string, which only the member and its app server may see. A guest has no "
                    + "stream key.")
    @ApiResponse(responseCode = "200", description = "The stream key",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StreamKeyView.class)))
    @ApiResponse(responseCode = "404", description = "STREAM_KEY_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<StreamKeyView> mine(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member) {
        return keys.self(member.appId(), member.memberId())
                .switchIfEmpty(Mono.error(() -> AppStreamKeyQueryController.notFound("of this member")));
    }
}
