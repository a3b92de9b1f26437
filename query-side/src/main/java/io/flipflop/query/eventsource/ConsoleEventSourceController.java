package io.flipflop.query.eventsource;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The console's live events of one app: what its room list, room and post pages redraw from, instead of polling. */
@RestController
@Tag(name = "Console: apps", description = "The signed-in console user's FlipFlop Apps")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleEventSourceController {

    private final ConsoleEventHub hub;
    private final AppQueries apps;
    private final Duration heartbeat;

    public ConsoleEventSourceController(ConsoleEventHub hub, AppQueries apps,
                                        @Value("${flipflop.event-source.heartbeat:15s}") Duration heartbeat) {
        this.hub = hub;
        this.apps = apps;
        this.heartbeat = heartbeat;
    }

    /** Subscribes only once the app is known to be the caller's, so another user's app is a plain 404. */
    @GetMapping(path = "/console/v1/apps/{appId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "getAppEvents", summary = "Live state changes of an app (server-sent events)",
            description = "Each event's `data` is one JSON object: `{type: VIDEO_ROOM, videoRoomId, videoRoomState, "
                    + "vodState}` (vodState null when the change left it as it was; a new room arrives as "
                    + "SCHEDULED), `{type: STREAM_KEY, streamKeyId, streamKeyState, memberId}` or `{type: VIDEO_POST, "
                    + "videoPostId, videoPostState, percent}` (on every post state change and job progress report; "
                    + "percent null when the change carries none). A comment line is "
                    + "sent on connect and every 15 s. Changes are not replayed: after reconnecting, read current "
                    + "state from the API. A client that falls " + SignalHub.BUFFER + " events behind is "
                    + "disconnected.")
    @ApiResponse(responseCode = "200", description = "The open event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = ConsoleEvent.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ErrorResponse.class)))
    public Flux<ServerSentEvent<ConsoleEvent>> events(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId) {
        return apps.requireOwnedBy(user.userId(), appId)
                .flatMapMany(app -> Heartbeats.around(hub.subscribe(appId), heartbeat));
    }
}
