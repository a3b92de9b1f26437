package io.flipflop.media.origin;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.platform.access.Relationships;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads, with {@code _id} lookups only, the query side's read models the origin needs: {@code video_rooms},
 * {@code stream_key_members} and {@code stream_keys} to find which stream key a room shows, the room's
 * {@code allowlist} and {@code follows} / {@code friends} for the access levels that depend on them. Read-only:
 * the query side writes them.
 */
@Component
public class LiveRooms {

    private static final String ACTIVE = "ACTIVE";
    private static final Set<StreamKeyState> PREVIEWING = Set.of(StreamKeyState.ACTIVE_PREP, StreamKeyState.ACTIVE);

    private final MongoCollection<Document> rooms;
    private final MongoCollection<Document> keyOfMember;
    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> follows;
    private final MongoCollection<Document> friends;

    LiveRooms(MongoDatabase database) {
        this.rooms = database.getCollection("video_rooms");
        this.keyOfMember = database.getCollection("stream_key_members");
        this.keys = database.getCollection("stream_keys");
        this.follows = database.getCollection("follows");
        this.friends = database.getCollection("friends");
    }

    /**
     * The room while it has something to play: LIVE or LIVE_INACTIVE on its linked key, or SCHEDULED while its
     * owner's key is publishing and linked to no other room (the owner's preview). Empty for a missing, deleted,
     * cancelled or ended room.
     */
    Mono<LiveRoom> find(long videoRoomId) {
        return first(rooms, videoRoomId)
                .filter(room -> ACTIVE.equals(room.getString("state")))
                .flatMap(room -> {
                    long appId = room.getLong("appId");
                    long owner = room.getLong("memberId");
                    AccessLevel level = AccessLevel.valueOf(room.getString("accessLevel"));
                    Set<Long> allowlist = allowlist(room);
                    return switch (VideoRoomState.valueOf(room.getString("videoRoomState"))) {
                        case LIVE, LIVE_INACTIVE -> Mono.justOrEmpty(room.getLong("streamKeyId"))
                                .map(key -> new LiveRoom(videoRoomId, appId, owner, level, allowlist, key, false));
                        case SCHEDULED -> first(keyOfMember, owner)
                                .flatMap(link -> first(keys, link.getLong("streamKeyId")))
                                .filter(key -> key.getLong("appId") == appId && key.get("videoRoomId") == null
                                        && PREVIEWING.contains(StreamKeyState.valueOf(key.getString("streamKeyState"))))
                                .map(key -> new LiveRoom(videoRoomId, appId, owner, level, allowlist,
                                        key.getLong("_id"), true));
                        case CANCELLED, ENDED, ARCHIVED -> Mono.empty();
                    };
                });
    }

    /** The room once ARCHIVED (its VOD exists); empty for any other, or a missing or deleted room. */
    Mono<LiveRoom> archived(long videoRoomId) {
        return first(rooms, videoRoomId)
                .filter(room -> ACTIVE.equals(room.getString("state"))
                        && VideoRoomState.ARCHIVED.name().equals(room.getString("videoRoomState")))
                .map(room -> new LiveRoom(videoRoomId, room.getLong("appId"), room.getLong("memberId"),
                        AccessLevel.valueOf(room.getString("accessLevel")), allowlist(room), 0, false));
    }

    /** The room's {@code allowlist} array of member ids; none when the document has none. */
    private static Set<Long> allowlist(Document room) {
        if (!(room.get("allowlist") instanceof List<?> ids)) {
            return Set.of();
        }
        Set<Long> allowlist = new HashSet<>();
        ids.forEach(id -> allowlist.add(((Number) id).longValue()));
        return allowlist;
    }

    /** The two relationships between owner and viewer, read ahead: the access policy asks synchronously. */
    public Mono<Relationships> between(long ownerMemberId, long viewerMemberId) {
        String id = ownerMemberId + ":" + viewerMemberId;
        return Mono.zip(holds(follows, id), holds(friends, id), (follower, friend) -> new Relationships() {
            @Override
            public boolean isFollower(long owner, long viewer) {
                return follower && owner == ownerMemberId && viewer == viewerMemberId;
            }

            @Override
            public boolean isFriend(long owner, long viewer) {
                return friend && owner == ownerMemberId && viewer == viewerMemberId;
            }
        });
    }

    private static Mono<Boolean> holds(MongoCollection<Document> relationships, String id) {
        return Mono.from(relationships.find(eq("_id", id)).first())
                .map(doc -> doc.getBoolean("active", false) && !doc.getBoolean("memberDeleted", false))
                .defaultIfEmpty(false);
    }

    private static Mono<Document> first(MongoCollection<Document> collection, Object id) {
        return Mono.from(collection.find(eq("_id", id)).first());
    }
}
