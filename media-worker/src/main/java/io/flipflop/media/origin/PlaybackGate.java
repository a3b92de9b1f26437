package io.flipflop.media.origin;

import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.media.cmaf.LiveStream;
import io.flipflop.media.cmaf.LiveStreams;
import io.flipflop.platform.access.AccessPolicy;
import io.flipflop.platform.access.ProtectedResource;
import io.flipflop.platform.access.Relationships;
import io.flipflop.platform.access.StreamingTokenViewers;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may play a room's live stream (SPEC §3, §5): the streaming token's viewer; while the room is only
 * previewed, its owner alone; once live, whoever {@link AccessPolicy} admits at the room's access level. A room
 * that is missing, of another app, not admitted, not (or no longer) live is the same 404, so nothing about its
 * existence leaks; a token that is present but invalid is 401, checked before the room is read.
 */
@Component
class PlaybackGate {

    static final String VIDEO_ROOM_NOT_FOUND = "VIDEO_ROOM_NOT_FOUND";
    static final String INVALID_STREAMING_TOKEN = "INVALID_STREAMING_TOKEN";

    private final StreamingTokenViewers viewers;
    private final LiveRooms rooms;
    private final LiveStreams liveStreams;

    PlaybackGate(StreamingTokenViewers viewers, LiveRooms rooms, LiveStreams liveStreams) {
        this.viewers = viewers;
        this.rooms = rooms;
        this.liveStreams = liveStreams;
    }

    /** What the viewer may play, or an {@link ApiException} (404 or 401). */
    Mono<Playback> admit(String videoRoomId, String streamingToken) {
        Long roomId = number(videoRoomId);
        return viewer(streamingToken)
                .flatMap(viewer -> roomId == null ? Mono.<Playback>empty() : rooms.find(roomId)
                        .filterWhen(room -> admits(viewer, room))
                        .flatMap(room -> Mono.justOrEmpty(liveStreams.find(room.streamKeyId()))
                                .filter(stream -> !stream.ended())
                                .map(stream -> new Playback(stream,
                                        room.accessLevel() == AccessLevel.PUBLIC && !room.preview(), room, viewer))))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(VIDEO_ROOM_NOT_FOUND,
                        "No live video room " + videoRoomId)));
    }

    /**
     * The archived room whose VOD the viewer may play, with the same rules once live: everyone the access level
     * admits, the owner always; or an {@link ApiException} (404 or 401).
     */
    Mono<ArchivedPlayback> admitVod(String videoRoomId, String streamingToken) {
        Long roomId = number(videoRoomId);
        return viewer(streamingToken)
                .flatMap(viewer -> roomId == null ? Mono.<ArchivedPlayback>empty() : rooms.archived(roomId)
                        .filterWhen(room -> admits(viewer, room))
                        .map(room -> new ArchivedPlayback(roomId, room.accessLevel() == AccessLevel.PUBLIC, room.appId(),
                                viewer)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(VIDEO_ROOM_NOT_FOUND,
                        "No archived video room " + videoRoomId)));
    }

    private Mono<Viewer> viewer(String streamingToken) {
        return viewers.viewerOf(streamingToken)
                .onErrorMap(JwtException.class, e -> new ApiException(HttpStatus.UNAUTHORIZED,
                        INVALID_STREAMING_TOKEN, "The streaming token is invalid or expired"));
    }

    private Mono<Boolean> admits(Viewer viewer, LiveRoom room) {
        boolean owner = viewer instanceof Viewer.Member member && member.appId() == room.appId()
                && member.memberId() == room.ownerMemberId();
        if (room.preview() || owner) {
            return Mono.just(owner);
        }
        ProtectedResource resource = new ProtectedResource(room.appId(), room.ownerMemberId(), room.accessLevel(),
                room.allowlist());
        boolean needsRelationships = (room.accessLevel() == AccessLevel.FOLLOWER
                || room.accessLevel() == AccessLevel.FRIEND)
                && viewer instanceof Viewer.Member member && member.appId() == room.appId();
        Mono<Relationships> relationships = needsRelationships
                ? rooms.between(room.ownerMemberId(), ((Viewer.Member) viewer).memberId())
                : Mono.just(Relationships.NONE);
        return relationships.map(known -> AccessPolicy.mayView(viewer, resource, known));
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param shared a response any cache may keep: a PUBLIC room on air, whose bytes do not depend on a token
     * @param room   the room played, for usage metering
     * @param viewer who plays it, for usage metering
     */
    record Playback(LiveStream stream, boolean shared, LiveRoom room, Viewer viewer) {
    }

    /**
     * @param shared a response any cache may keep: a PUBLIC room, whose bytes do not depend on a token
     * @param appId  the room's app, for usage metering
     * @param viewer who plays it, for usage metering
     */
    record ArchivedPlayback(long videoRoomId, boolean shared, long appId, Viewer viewer) {
    }
}
