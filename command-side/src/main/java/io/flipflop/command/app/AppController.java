package io.flipflop.command.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.app.AppView;
import io.flipflop.api.app.AppWithCredentials;
import io.flipflop.api.app.CreateAppRequest;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.command.patch.PatchBody;
import io.flipflop.platform.security.ConsoleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
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
@Tag(name = "Console apps",
        description = "Create FlipFlop Apps, rotate their API credentials, set their default output mode")
@SecurityRequirement(name = "consoleSession")
public class AppController {

    private static final String DEFAULT_RTMP_OUTPUT_MODE = "defaultRtmpOutputMode";

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

    @PatchMapping("/{appId}")
    @Operation(operationId = "updateApp",
            summary = "Set an app's default output mode",
            description = "`defaultRtmpOutputMode`: `CMAF`, `RTMP` or `RTMP_CMAF`, the output mode of publishes "
                    + "whose URL has no `?mode=` and whose stream key has no mode of its own (reference §16), from "
                    + "the next publish on. 200 with the app. Errors: 400 INVALID_HTTP_MESSAGE_BODY; 404 "
                    + "APP_NOT_FOUND (also for another user's app).")
    public Mono<AppView> update(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                @PathVariable long appId, @RequestBody(required = false) JsonNode body) {
        String mode = PatchBody.of(body).text(DEFAULT_RTMP_OUTPUT_MODE);
        return apps.changeDefaultRtmpOutputMode(user, appId, outputMode(mode));
    }

    private static OutputMode outputMode(String mode) {
        try {
            return OutputMode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw PatchBody.invalid(DEFAULT_RTMP_OUTPUT_MODE + " must be CMAF, RTMP or RTMP_CMAF");
        }
    }
}
