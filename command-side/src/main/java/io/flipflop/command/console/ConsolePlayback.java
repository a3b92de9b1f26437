package io.flipflop.command.console;

import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.token.JwtTokenIssuer;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.ConsoleUser;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lets the console's player play a room (or a post) as its owner would: preview (owner only, SPEC §2), live at every
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
        return asOwner(user, appId, videoRoomId, first -> first instanceof VideoRoomCreated room
                        ? Optional.of(new Owned(room.appId(), room.memberId())) : Optional.empty(),
                () -> ApiException.notFound("VIDEO_ROOM_NOT_FOUND", "No video room " + videoRoomId));
    }

    /**
     * The post owner's token, which plays the post at every access level (the owner always may), an uploaded one
     * at {@code /vod/{videoPostId}/…} and an archive's at its room's VOD. 404 APP_NOT_FOUND (also another user's
     * app), VIDEO_POST_NOT_FOUND or MEMBER_NOT_FOUND (owner deleted).
     */
    public Mono<String> streamingTokenAsPostOwner(ConsoleUser user, long appId, long videoPostId) {
        return asOwner(user, appId, videoPostId, first -> {
            if (first instanceof VideoPostCreated post) {
                return Optional.of(new Owned(post.appId(), post.memberId()));
            }
            if (first instanceof ArchivePostCreated post) {
                return Optional.of(new Owned(post.appId(), post.memberId()));
            }
            return Optional.empty();
        }, () -> ApiException.notFound("VIDEO_POST_NOT_FOUND", "No video post " + videoPostId));
    }

    private Mono<String> asOwner(ConsoleUser user, long appId, long resourceId,
                                 Function<Object, Optional<Owned>> ownerIn, Supplier<ApiException> notFound) {
        return Mono.fromCallable(() -> {
            apps.requireOwned(user, appId);
            Owned resource = apps.first(resourceId, Object.class).flatMap(ownerIn)
                    .filter(owned -> owned.appId() == appId)
                    .orElseThrow(notFound);
            MemberRef owner = owners.member(resource.memberId())
                    .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                            "The owner of " + resourceId + " is deleted"));
            return issuer.issueMemberStreamingToken(new AuthenticatedMember(appId, owner.id(), owner.appUserId(),
                    owner.appUserName(), false));
        }).subscribeOn(Schedulers.boundedElastic()); // reads the event store and may reload the signing keys
    }

    /** The app and the member that own a room or a post, from its first event. */
    private record Owned(long appId, long memberId) {
    }
}
