package io.flipflop.command.console;

import io.flipflop.api.app.StreamingTokenResponse;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.ConsoleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Streaming tokens for the console's player (our API): a room's or a post's owner's. */
@RestController
@Tag(name = "Console: app data", description = "Members, video rooms and audit of the signed-in user's apps")
@SecurityRequirement(name = ApiSecurityDocumentation.CONSOLE_SESSION)
public class ConsolePlaybackController {

    private final ConsolePlayback playback;

    public ConsolePlaybackController(ConsolePlayback playback) {
        this.playback = playback;
    }

    @PostMapping("/console/v1/apps/{appId}/video-rooms/{videoRoomId}/streaming-tokens")
    @Operation(operationId = "createConsoleStreamingToken",
            summary = "A streaming token to play a room as its owner",
            description = "201 {streamingToken}: the room owner's streaming token, so the console previews, plays "
                    + "and replays the room as its owner would. `Cache-Control: no-store`. Errors: 404 "
                    + "APP_NOT_FOUND (also another user's app), VIDEO_ROOM_NOT_FOUND, MEMBER_NOT_FOUND.")
    public Mono<ResponseEntity<StreamingTokenResponse>> create(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @PathVariable long videoRoomId) {
        return created(playback.streamingTokenAsOwner(user, appId, videoRoomId));
    }

    @PostMapping("/console/v1/apps/{appId}/video-posts/{videoPostId}/streaming-tokens")
    @Operation(operationId = "createConsolePostStreamingToken",
            summary = "A streaming token to play a video post as its owner",
            description = "201 {streamingToken}: the post owner's streaming token, so the console plays the post "
                    + "whatever its access level. `Cache-Control: no-store`. Errors: 404 APP_NOT_FOUND (also "
                    + "another user's app), VIDEO_POST_NOT_FOUND, MEMBER_NOT_FOUND.")
    public Mono<ResponseEntity<StreamingTokenResponse>> createForPost(
            @Parameter(hidden = true) @AuthenticationPrincipal ConsoleUser user, @PathVariable long appId,
            @PathVariable long videoPostId) {
        return created(playback.streamingTokenAsPostOwner(user, appId, videoPostId));
    }

    private static Mono<ResponseEntity<StreamingTokenResponse>> created(Mono<String> token) {
        return token.map(issued -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new StreamingTokenResponse(issued)));
    }
}
