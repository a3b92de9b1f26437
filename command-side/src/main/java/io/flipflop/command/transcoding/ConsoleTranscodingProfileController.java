package io.flipflop.command.transcoding;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.transcoding.CreateTranscodingProfileRequest;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.transcoding.TranscodingProfileView;
import io.flipflop.command.patch.PatchBody;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Console API: an app's own transcoding profiles and its default profile per type (ours; the reference has FlipFlop
 * make custom profiles on request).
 */
@RestController
@RequestMapping("/console/v1/apps/{appId}/transcoding-profiles")
@Tag(name = "Console: transcoding profiles", description = "Make and delete the signed-in user's apps' profiles")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsoleTranscodingProfileController {

    private final TranscodingProfileService profiles;

    public ConsoleTranscodingProfileController(TranscodingProfileService profiles) {
        this.profiles = profiles;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTranscodingProfile", summary = "Make a transcoding profile of the app",
            description = "Body {type, name, description?, profile}. type VIDEO: profile {videoStreams: [{height, "
                    + "bitrate}] (1 to 6 rungs, even heights 144-2160, 100000-50000000 bit/s), audioStream? {bitrate} "
                    + "(32000-512000, default 128000), mp4Download? (default false)}. THUMBNAIL: {width (even, "
                    + "16-3840), height? (even, 16-2160; absent keeps the aspect), offsetSeconds? (default 1)}. "
                    + "PREVIEW: {startSeconds? (default 0), durationSeconds (1-30), height (even, 144-1080)}. The "
                    + "profile is ACTIVE and NON_DEFAULT (until made the app's default), and cannot be changed (make "
                    + "another). 201 with the "
                    + "TranscodingProfile. Errors: 400 EMPTY_TRANSCODING_PROFILE_TYPE, "
                    + "UNSUPPORTED_TRANSCODING_PROFILE_TYPE (BROADCAST_RTMP), EMPTY_TRANSCODING_PROFILE_NAME, "
                    + "TRANSCODING_PROFILE_NAME_SIZE_UPPER_LIMIT_EXCEEDED (100), "
                    + "TRANSCODING_PROFILE_DESCRIPTION_SIZE_UPPER_LIMIT_EXCEEDED (500), "
                    + "EMPTY_TRANSCODING_PROFILE_SETTINGS, INVALID_TRANSCODING_PROFILE_SETTINGS (a field of another "
                    + "type), INVALID_TRANSCODING_PROFILE_RUNG_COUNT, INVALID_TRANSCODING_PROFILE_HEIGHT, "
                    + "INVALID_TRANSCODING_PROFILE_BITRATE, DUPLICATE_TRANSCODING_PROFILE_RUNG, "
                    + "INVALID_TRANSCODING_PROFILE_AUDIO_BITRATE, INVALID_TRANSCODING_PROFILE_WIDTH, "
                    + "INVALID_TRANSCODING_PROFILE_OFFSET, INVALID_TRANSCODING_PROFILE_START, "
                    + "INVALID_TRANSCODING_PROFILE_DURATION, INVALID_HTTP_MESSAGE_BODY; 404 APP_NOT_FOUND (also "
                    + "another user's app).")
    public Mono<TranscodingProfileView> create(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                               @PathVariable long appId,
                                               @RequestBody(required = false) CreateTranscodingProfileRequest request) {
        if (request == null) {
            return Mono.error(PatchBody.invalid("The body must name type, name and profile"));
        }
        return profiles.create(user, appId, request);
    }

    @PutMapping("/defaults/{type}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "changeAppDefaultTranscodingProfile", summary = "Choose the app's default profile of a type",
            description = "Body {profileId}: a SYSTEM profile or an ACTIVE one of the app's own, of type (VIDEO, "
                    + "THUMBNAIL or PREVIEW). The app's posts that name no profile of that type get it from now on "
                    + "(posts made before keep theirs); it is listed as DEFAULT for this app, the SYSTEM default of "
                    + "that type as NON_DEFAULT. A deleted default falls back to the system's. 204. Errors: 400 "
                    + "UNSUPPORTED_TRANSCODING_PROFILE_TYPE, TRANSCODING_PROFILE_TYPE_MISMATCH, "
                    + "INVALID_HTTP_MESSAGE_BODY; 404 APP_NOT_FOUND (also another user's app), "
                    + "TRANSCODING_PROFILE_NOT_FOUND.")
    public Mono<Void> changeDefault(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                    @PathVariable long appId, @PathVariable TranscodingProfileType type,
                                    @RequestBody(required = false) JsonNode body) {
        Long profileId = PatchBody.of(body).number("profileId");
        if (profileId == null) {
            return Mono.error(PatchBody.invalid("The body must name profileId"));
        }
        return profiles.changeDefault(user, appId, type, profileId);
    }

    @DeleteMapping("/defaults/{type}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "resetAppDefaultTranscodingProfile", summary = "Go back to the system's default profile",
            description = "The app's posts that name no profile of type get the system's default again (for "
                    + "PREVIEW: no preview). 204, also when the app had no default of its own. Errors: 400 "
                    + "UNSUPPORTED_TRANSCODING_PROFILE_TYPE; 404 APP_NOT_FOUND (also another user's app).")
    public Mono<Void> resetDefault(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                                   @PathVariable long appId, @PathVariable TranscodingProfileType type) {
        return profiles.changeDefault(user, appId, type, null);
    }

    @DeleteMapping("/{profileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteTranscodingProfile", summary = "Delete a transcoding profile of the app",
            description = "The profile becomes DELETED: no post may choose it any more, and posts that chose it keep "
                    + "their settings and output (their transcodingProfile shows it DELETED). 204. Errors: 404 "
                    + "APP_NOT_FOUND (also another user's app), TRANSCODING_PROFILE_NOT_FOUND (missing, deleted, "
                    + "another app's or a SYSTEM profile).")
    public Mono<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user,
                             @PathVariable long appId, @PathVariable long profileId) {
        return profiles.delete(user, appId, profileId);
    }
}
