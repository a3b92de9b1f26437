package io.flipflop.query.usage;

import io.flipflop.api.error.ErrorResponse;
import io.flipflop.api.usage.UsageReport;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Usage reports (our addition): for the console user's app ({@code /console/v1/apps/{appId}/usage}) and for the
 * calling app server ({@code /v2/apps/me/usage}), the same body. Each is scoped to one app: another user's app
 * answers 404, and an app server sees only its own figures.
 */
@RestController
@Tag(name = "Usage", description = "Ingest, delivered viewing, stored bytes and peak concurrent viewers per app")
public class UsageQueryController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String DESCRIPTION = "Figures per hour or UTC day, oldest first, empty buckets left out: "
            + "ingestSeconds (publishing time of the app's stream keys, an ingest still running counted up to "
            + "now), deliveredViewerSeconds (media time delivered to viewer sessions, each piece of media counted "
            + "once per session), deliveredBytes (bytes the playback origin sent), storageBytes (bytes stored at "
            + "the end of the bucket) and peakConcurrentViewers. totals: sums, the newest storageBytes and the "
            + "highest peak. With videoRoomId or streamKeyId: only what was counted for that room or key "
            + "(storage is counted per app only).";

    private final UsageQueries usage;
    private final AppQueries apps;
    private final Clock clock;

    @Autowired
    public UsageQueryController(UsageQueries usage, AppQueries apps) {
        this(usage, apps, Clock.systemUTC());
    }

    UsageQueryController(UsageQueries usage, AppQueries apps, Clock clock) {
        this.usage = usage;
        this.apps = apps;
        this.clock = clock;
    }

    @GetMapping("/console/v1/apps/{appId}/usage")
    @Operation(operationId = "getConsoleAppUsage", summary = "Usage of one of my apps", description = DESCRIPTION)
    @UsageAnswers
    public Mono<UsageReport> ofConsoleApp(@AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
                                          @ParameterObject UsageParameters parameters) {
        Instant now = clock.instant();
        UsageRange range = parameters.range(now);
        return apps.ownedBy(user.userId(), appId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("APP_NOT_FOUND", "No app " + appId)))
                .flatMap(app -> usage.report(appId, parameters.videoRoomId(), parameters.streamKeyId(), range, now));
    }

    @GetMapping("/v2/apps/me/usage")
    @Operation(operationId = "getAppUsage", summary = "The calling app's usage", description = DESCRIPTION)
    @UsageAnswers
    public Mono<UsageReport> ofCallingApp(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                          @ParameterObject UsageParameters parameters) {
        Instant now = clock.instant();
        return usage.report(app.appId(), parameters.videoRoomId(), parameters.streamKeyId(), parameters.range(now),
                now);
    }

    /** The query parameters both endpoints take. */
    public record UsageParameters(
            @Parameter(description = "ISO-8601 instant; default 30 days before to") String from,
            @Parameter(description = "ISO-8601 instant; default now") String to,
            @Parameter(description = "day (default) or hour") String granularity,
            @Parameter(description = "Only what was counted for this video room") Long videoRoomId,
            @Parameter(description = "Only what was counted for this stream key") Long streamKeyId) {

        UsageRange range(Instant now) {
            return UsageRange.parse(from, to, granularity, now);
        }
    }

    /** The answers both endpoints document. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The usage report",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = UsageReport.class)))
    @ApiResponse(responseCode = "400", description = "INVALID_USAGE_RANGE, INVALID_GRANULARITY, INVALID_USAGE_SCOPE",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "404", description = "APP_NOT_FOUND, VIDEO_ROOM_NOT_FOUND, STREAM_KEY_NOT_FOUND",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @interface UsageAnswers {
    }
}
