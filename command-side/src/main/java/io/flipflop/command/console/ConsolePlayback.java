package io.flipflop.command.console;

import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.token.JwtTokenIssuer;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.ConsoleUser;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lets the console's player play a room as the room's owner would: preview (owner only, SPEC §2), live at every
 * access level, and the recording. The app's owner could do as much through the App API (log the member in and
 * use its streaming token); this spares the console from holding the app's secret. Ownership is read from the
 * first event of each stream, which never changes (an app has no transfer, a room no change of owner).
 */
@Service
public class ConsolePlayback {

    private final ConsoleApps apps;
    private final Owners owners;
    private final JwtTokenIssuer issuer;

    public ConsolePlayback(ConsoleApps apps, Owners owners, JwtTokenIssuer issuer) {
        this.apps = apps;
        this.owners = owners;
        this.issuer = issuer;
    }

    /** 404 APP_NOT_FOUND (also another user's app), VIDEO_ROOM_NOT_FOUND or MEMBER_NOT_FOUND (owner deleted). */
    public Mono<String> streamingTokenAsOwner(ConsoleUser user, long appId, long videoRoomId) {
        return Mono.fromCallable(() -> {
            apps.requireOwned(user, appId);
            VideoRoomCreated room = apps.first(videoRoomId, VideoRoomCreated.class)
                    .filter(created -> created.appId() == appId)
                    .orElseThrow(() -> ApiException.notFound("VIDEO_ROOM_NOT_FOUND", "No video room " + videoRoomId));
            MemberRef owner = owners.member(room.memberId())
                    .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                            "The owner of video room " + videoRoomId + " is deleted"));
            return issuer.issueMemberStreamingToken(new AuthenticatedMember(appId, owner.id(), owner.appUserId(),
                    owner.appUserName(), false));
        }).subscribeOn(Schedulers.boundedElastic()); // reads the event store and may reload the signing keys
    }
}
