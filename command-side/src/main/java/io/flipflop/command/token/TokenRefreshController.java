package io.flipflop.command.token;

import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.RefreshTokensRequest;
import io.flipflop.platform.security.SecurityChains;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token refresh for member clients, our addition in FlipFlop's {@code /v2/members/me} style. It needs no
 * Authorization header: the refresh token in the body is the credential (the access token has usually expired
 * by the time a client calls this).
 */
@RestController
@Tag(name = "Member tokens", description = "Refresh a member's tokens without a new login")
public class TokenRefreshController {

    private final JwtTokenIssuer issuer;

    public TokenRefreshController(JwtTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(SecurityChains.MEMBER_TOKEN_REFRESH_PATH)
    @Operation(summary = "Exchange a refresh token for a new access, refresh and streaming token",
            description = "Each refresh token works once; the answer carries its successor. Presenting a used one"
                    + " again revokes every token descended from the same login. Error: 401 INVALID_REFRESH_TOKEN"
                    + " (unknown, expired, already used or revoked).")
    public Mono<ResponseEntity<MemberTokens>> refresh(@RequestBody RefreshTokensRequest request) {
        return Mono.fromCallable(() -> issuer.refresh(request.refreshToken()))
                .subscribeOn(Schedulers.boundedElastic())
                // Credentials must not linger in any cache on the way (RFC 6749 §5.1).
                .map(tokens -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens));
    }
}
