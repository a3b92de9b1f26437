package io.flipflop.command.token;

import io.flipflop.api.app.StreamingTokenResponse;
import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** FlipFlop's app-wide streaming token (reference §8), for the app server; any request body is ignored. */
@RestController
@Tag(name = "App API: streaming tokens", description = "A streaming token for every room and post of the app")
@SecurityRequirement(name = "appBasic")
public class AppStreamingTokenController {

    private final TokenIssuer issuer;

    public AppStreamingTokenController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/v2/apps/me/streaming-tokens")
    @Operation(operationId = "createAppStreamingToken",
            summary = "Create an app-wide streaming token",
            description = "201 {streamingToken}: plays every VideoRoom and VideoPost of the app, at every access "
                    + "level, as ?streamingToken=. Lives as long as a member's streaming token (24 h by default).")
    public Mono<ResponseEntity<StreamingTokenResponse>> create(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app) {
        // signing reads the key set, which may reload from MongoDB
        return Mono.fromCallable(() -> new StreamingTokenResponse(issuer.issueAppStreamingToken(app.appId())))
                .subscribeOn(Schedulers.boundedElastic())
                // a credential must not linger in any cache on the way
                .map(token -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                        .body(token));
    }
}
