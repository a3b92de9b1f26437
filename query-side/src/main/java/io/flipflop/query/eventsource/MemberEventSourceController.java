package io.flipflop.query.eventsource;

import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedMember;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The member event source (reference §17.3): server-sent events of the member's stream key and rooms. */
@RestController
@Tag(name = "Member API: me", description = "The member the access token was issued to (Bearer)")
@SecurityRequirement(name = ApiSecurityDocumentation.MEMBER_BEARER)
public class MemberEventSourceController {

    private final MemberEventHub hub;
    private final Duration heartbeat;

    public MemberEventSourceController(MemberEventHub hub,
                                       @Value("${flipflop.event-source.heartbeat:15s}") Duration heartbeat) {
        this.hub = hub;
        this.heartbeat = heartbeat;
    }

    /** With {@link Heartbeats}. */
    @GetMapping(path = "/v2/members/me/event-sources", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "getMyEventSource", summary = "Subscribe to my changes (server-sent events)",
            description = "Each event's `data` is one JSON signal `{messageId, sentAt, origin: SYSTEM, type: SIGNAL, "
                    + "deliveryType, channelId, customType: CHANGE_DATA_CAPTURE, customData}`. UNICAST signals carry "
                    + "a change of the member's stream key (`customData {type: STREAM_KEY, streamKeyId, "
                    + "streamKeyState, liveUrl}`); BROADCAST signals a change of a room the member owns, on the "
                    + "room's channel (`channelId` = room id; `customData {type: VIDEO_ROOM, videoRoomId, "
                    + "videoRoomState, playUrl, cmafHlsPlayUrl, cmafDashPlayUrl, rtmpPlayUrl, httpFlvPlayUrl}` plus "
                    + "`forciblyTerminated` on ENDED). Channel membership is not modelled: a member receives the "
                    + "signals of its own rooms. No `event:` or `id:` lines; a comment line is sent on connect and "
                    + "every 15 s. Signals are not replayed: after reconnecting, read current state from the API. A "
                    + "client that falls " + SignalHub.BUFFER + " signals behind is disconnected.")
    @ApiResponse(responseCode = "200", description = "The open event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = MemberSignal.class)))
    public Flux<ServerSentEvent<MemberSignal>> events(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedMember member) {
        return Heartbeats.around(hub.subscribe(new MemberAddress(member.appId(), member.memberId())), heartbeat);
    }
}
