package io.flipflop.query.audit;

import io.flipflop.api.audit.ChainVerification;
import io.flipflop.api.audit.VideoRoomEventHistory;
import io.flipflop.api.audit.VideoRoomStateAt;
import io.flipflop.api.error.ErrorResponse;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit of the calling app's video rooms (our addition, SPEC §6), answered from the event store. */
@RestController
@RequestMapping("/v2/apps/me/audit/video-rooms/{videoRoomId}")
@Tag(name = "App API: audit", description = "Event history, as-of state and hash chain of the calling app's video "
        + "rooms (HTTP Basic apiKey:apiSecret)")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class VideoRoomAuditController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final VideoRoomAudit audit;

    public VideoRoomAuditController(VideoRoomAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/events")
    @Operation(summary = "Event history of a video room",
            description = "Every stored event of the room in order, with its stream key's events during the "
                    + "room's broadcast merged in by timestamp: when, what (type and payload), who (origin "
                    + "APP_SERVER, MEMBER, WORKER or SYSTEM, and actor) and the hash of the event before it.")
    @ApiResponse(responseCode = "200", description = "The history",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomEventHistory.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomEventHistory> events(@AuthenticationPrincipal AuthenticatedApp app,
                                              @PathVariable long videoRoomId) {
        return audit.history(app.appId(), videoRoomId);
    }

    @GetMapping("/state")
    @Operation(summary = "A video room as of an instant",
            description = "The room replayed from its stored events up to `at` (not from read models). A room "
                    + "created after `at` did not exist then and answers VIDEO_ROOM_NOT_FOUND.")
    @ApiResponse(responseCode = "200", description = "The room's state at `at`",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = VideoRoomStateAt.class)))
    @ApiResponse(responseCode = "400", description = "INVALID_INSTANT",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<VideoRoomStateAt> state(@AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoRoomId,
                                        @Parameter(description = "ISO-8601 instant, e.g. 2026-11-28T10:00:00Z")
                                        @RequestParam String at) {
        return Mono.fromCallable(() -> instant(at)).flatMap(instant -> audit.stateAt(app.appId(), videoRoomId,
                instant));
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify a video room's hash chain",
            description = "Recomputes the SHA-256 chain over the room's stored events (docs/EVENT-STORE.md, "
                    + "\"Hash chain\") and names the first event that was changed, is missing or does not link "
                    + "to its predecessor.")
    @ApiResponse(responseCode = "200", description = "The verification",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ChainVerification.class)))
    @ApiResponse(responseCode = "404", description = "VIDEO_ROOM_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Mono<ChainVerification> verify(@AuthenticationPrincipal AuthenticatedApp app,
                                          @PathVariable long videoRoomId) {
        return audit.verify(app.appId(), videoRoomId);
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_INSTANT", "`at` must be an ISO-8601 instant such as "
                    + "2026-11-28T10:00:00Z, not " + at);
        }
    }
}
