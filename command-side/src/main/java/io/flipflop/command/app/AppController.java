package io.flipflop.command.app;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.app.AppWithCredentials;
import io.flipflop.api.app.CreateAppRequest;
import io.flipflop.platform.security.ConsoleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The console's app writes (our API). Listing apps is a read, served by the query side. */
@RestController
@RequestMapping("/console/v1/apps")
@Tag(name = "Console apps", description = "Create FlipFlop Apps and rotate their API credentials")
@SecurityRequirement(name = "consoleSession")
public class AppController {

    private final AppService apps;

    public AppController(AppService apps) {
        this.apps = apps;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApp",
            summary = "Create an app",
            description = "201 with the app and its credentials; the API secret is shown this once. "
                    + "Error: 400 EMPTY_APP_NAME.")
    public Mono<AppWithCredentials> create(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                           @RequestBody(required = false) CreateAppRequest request) {
        return apps.create(user, request == null ? null : request.name());
    }

    @PostMapping("/{appId}/credentials")
    @Operation(operationId = "rotateAppCredentials",
            summary = "Rotate an app's API key and secret",
            description = "200 with the new credentials, shown this once; the old pair stops working at once. "
                    + "Error: 404 APP_NOT_FOUND (also for another user's app).")
    public Mono<AppCredentials> rotateCredentials(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId) {
        return apps.rotateCredentials(user, appId);
    }
}
