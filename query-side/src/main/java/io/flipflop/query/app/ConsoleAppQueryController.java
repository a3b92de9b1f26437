package io.flipflop.query.app;

import io.flipflop.api.app.AppView;
import io.flipflop.api.error.ErrorResponse;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console's reads of a user's apps (our own console API; the writes are on the command side). */
@RestController
@RequestMapping("/console/v1/apps")
@Tag(name = "Console: apps", description = "The signed-in console user's FlipFlop Apps")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleAppQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final AppQueries apps;

    public ConsoleAppQueryController(AppQueries apps) {
        this.apps = apps;
    }

    @GetMapping
    @Operation(summary = "List my apps",
            description = "All apps the signed-in user owns, newest first, as a plain JSON array rather than a "
                    + "page: a user owns a handful of apps. Never carries the API secret.")
    @ApiResponse(responseCode = "200", description = "The user's apps, newest first",
            content = @Content(mediaType = JSON,
                    array = @ArraySchema(schema = @Schema(implementation = AppView.class))))
    public Flux<AppView> list(@AuthenticationPrincipal ConsoleUser user) {
        return apps.ownedBy(user.userId());
    }

    @GetMapping("/{appId}")
    @Operation(summary = "Get one of my apps",
            description = "An app of another user answers exactly like a missing one.")
    @ApiResponse(responseCode = "200", description = "The app",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = AppView.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<AppView> get(@AuthenticationPrincipal ConsoleUser user, @PathVariable long appId) {
        return apps.ownedBy(user.userId(), appId)
                .switchIfEmpty(Mono.error(() -> AppQueries.notFound(appId)));
    }
}
