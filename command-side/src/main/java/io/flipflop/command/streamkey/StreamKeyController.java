package io.flipflop.command.streamkey;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.streamkey.ChangeStreamKeyMode;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.ReissueStreamKey;
import io.flipflop.api.streamkey.StreamKeyCommand;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.command.app.AppOutputModes;
import io.flipflop.command.broadcast.BroadcastService;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.OriginCommands;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.patch.PatchBody;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.Map;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * FlipFlop App API stream key writes (reference §6.4 with the key's own output mode, §6.5, §6.6). A key of another app is not found (404), never
 * forbidden. Reads are the query side's.
 */
@RestController
@Tag(name = "App API: stream keys",
        description = "Set a key's output mode, reissue a key string, force-terminate an ingest")
@SecurityRequirement(name = "appBasic")
public class StreamKeyController {

    private static final String MODE = "mode";

    private final OriginCommands commands;
    private final BroadcastService broadcasts;
    private final StreamKeyStrings strings;
    private final Owners owners;
    private final IngestSettings settings;
    private final AppOutputModes appModes;

    public StreamKeyController(OriginCommands commands, BroadcastService broadcasts, StreamKeyStrings strings,
                               Owners owners, IngestSettings settings, AppOutputModes appModes) {
        this.commands = commands;
        this.broadcasts = broadcasts;
        this.strings = strings;
        this.owners = owners;
        this.settings = settings;
        this.appModes = appModes;
    }

    @PostMapping("/v2/apps/me/stream-keys/{streamKeyId}/reissue")
    @Operation(operationId = "reissueStreamKey", summary = "Reissue a stream key string",
            description = "Replaces the key string; the old one stops working at once. Only while INACTIVE. "
                    + "200 with the StreamKey. Errors: 404 STREAM_KEY_NOT_FOUND; 400 STREAM_KEY_STATE_NOT_INACTIVE.")
    public Mono<StreamKeyView> reissue(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                       @PathVariable long streamKeyId) {
        return view(new ReissueStreamKey(streamKeyId, app.appId(), strings.newStreamKey()), app);
    }

    @PatchMapping("/v2/apps/me/stream-keys/{streamKeyId}")
    @Operation(operationId = "updateStreamKey", summary = "Set a stream key's own output mode",
            description = "`mode`: `CMAF`, `RTMP` or `RTMP_CMAF`, the output mode of the key's publishes whose URL "
                    + "has no `?mode=` (reference §16), from the next publish on; `null` removes it (the app's "
                    + "default applies). The body must name `mode`; `profileId` (transcoding profiles) is not "
                    + "supported. Any state. 200 with the StreamKey. Errors: 404 STREAM_KEY_NOT_FOUND; 400 "
                    + "INVALID_HTTP_MESSAGE_BODY.")
    public Mono<StreamKeyView> update(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @PathVariable long streamKeyId,
                                      @RequestBody(required = false) JsonNode body) {
        PatchBody patch = PatchBody.of(body);
        if (patch.present(Field.class, Map.of(MODE, Field.MODE)).isEmpty()) {
            throw PatchBody.invalid("The body must name mode (CMAF, RTMP, RTMP_CMAF or null)");
        }
        String mode = patch.text(MODE);
        return view(new ChangeStreamKeyMode(streamKeyId, app.appId(), mode == null ? null : outputMode(mode)), app);
    }

    @PostMapping("/v2/apps/me/stream-keys/{streamKeyId}/force-terminate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "forceTerminateStreamKey", summary = "Force-terminate an ingest",
            description = "Cuts the ingest: the key becomes INACTIVE with a new key string, and a room on air ends "
                    + "(ENDED, forciblyTerminated, no VOD). Succeeds and changes nothing when nothing is ingested. "
                    + "204. Error: 404 STREAM_KEY_NOT_FOUND.")
    public Mono<Void> forceTerminate(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                     @PathVariable long streamKeyId) {
        return broadcasts.forceTerminate(streamKeyId, app.appId(), Origin.app(app.appId()));
    }

    @PostMapping("/v2/apps/me/members/{appUserId}/stream-key/force-terminate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "forceTerminateMemberStreamKey", summary = "Force-terminate a member's ingest",
            description = "As force-terminate on the member's stream key. 204. Errors: 404 MEMBER_NOT_FOUND, "
                    + "404 STREAM_KEY_NOT_FOUND.")
    public Mono<Void> forceTerminateMember(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                           @PathVariable String appUserId) {
        return broadcasts.forceTerminateMember(app.appId(), appUserId, Origin.app(app.appId()));
    }

    /** The command's answer as the key's view; a key that does not exist is not found, as another app's. */
    private Mono<StreamKeyView> view(StreamKeyCommand command, AuthenticatedApp app) {
        return commands.<StreamKeySnapshot>send(command, Origin.app(app.appId()))
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("STREAM_KEY_NOT_FOUND", "No such stream key"))
                .flatMap(key -> Mono.fromCallable(() -> StreamKeyViews.view(key, app.appRef(),
                                appModes.of(app.appId()), owners.member(key.memberId()).orElse(null), null,
                                settings.ingestUrl()))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private static OutputMode outputMode(String mode) {
        try {
            return OutputMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw PatchBody.invalid("mode must be CMAF, RTMP, RTMP_CMAF or null");
        }
    }

    private enum Field { MODE }
}
