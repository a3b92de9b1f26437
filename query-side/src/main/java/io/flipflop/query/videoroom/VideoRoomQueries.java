package io.flipflop.query.videoroom;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static io.flipflop.query.videoroom.VideoRoomDocuments.ACCESS_LEVEL;
import static io.flipflop.query.videoroom.VideoRoomDocuments.ACTIVE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.APP_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.APP_USER_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.MEMBER_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.STATE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.TITLE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.TYPE;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VIDEO_ROOM_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.STREAM_KEY_ID;
import static io.flipflop.query.videoroom.VideoRoomDocuments.VIDEO_ROOM_STATE;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.platform.access.AccessPolicy;
import io.flipflop.platform.access.ProtectedResource;
import io.flipflop.platform.access.Relationships;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.relationship.RelationshipQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the {@value VideoRoomDocuments#COLLECTION} read model. Every read is scoped to one app: a room of
 * another app is as absent as a missing one, and so is a deleted room. On the member API a room is shown to
 * whoever {@link AccessPolicy} admits: the owner, or a member of the room's app its access level lets in.
 */
@Component
public class VideoRoomQueries {

    /** For levels that do not depend on relationships; being asked would be a bug in {@link #relationshipsFor}. */
    private static final Relationships NO_RELATIONSHIPS = new Relationships() {
        @Override
        public boolean isFollower(long ownerMemberId, long viewerMemberId) {
            throw new IllegalStateException("Relationships were not read for this access level");
        }

        @Override
        public boolean isFriend(long ownerMemberId, long viewerMemberId) {
            throw new IllegalStateException("Relationships were not read for this access level");
        }
    };

    private final MongoCollection<Document> rooms;
    private final MongoCollection<Document> uuids;
    /** The stream key read model ({@code io.flipflop.query.streamkey}), read for the mode of a live room's key. */
    private final MongoCollection<Document> streamKeys;
    private final AppQueries apps;
    private final MemberQueries members;
    private final RelationshipQueries relationships;
    private final PlaybackUrls urls;

    public VideoRoomQueries(MongoDatabase database, AppQueries apps, MemberQueries members,
                            RelationshipQueries relationships, PlaybackUrls urls) {
        this.urls = urls;
        this.rooms = database.getCollection(VideoRoomDocuments.COLLECTION);
        this.uuids = database.getCollection(VideoRoomDocuments.UUIDS_COLLECTION);
        this.streamKeys = database.getCollection("stream_keys");
        this.apps = apps;
        this.members = members;
        this.relationships = relationships;
    }

    /** The app's room, as the App API shows it. */
    public Mono<VideoRoomView> ofApp(AppRef app, long videoRoomId) {
        return byId(videoRoomId)
                .filter(room -> VideoRoomDocuments.appId(room) == app.id())
                .flatMap(room -> view(room, app));
    }

    /** One page of the app's rooms. */
    public Mono<PageResponse<VideoRoomView>> list(AppRef app, VideoRoomFilter filter, VideoRoomSort sort,
                                                  Paging paging) {
        Bson condition = and(conditions(app.id(), filter));
        Mono<List<VideoRoomView>> content = Flux.from(rooms.find(condition)
                        .sort(sort.toBson())
                        .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE)) // a page past any listing
                        .limit(paging.size()))
                .flatMapSequential(room -> view(room, app))
                .collectList();
        Mono<Long> total = Mono.from(rooms.countDocuments(condition));
        return Mono.zip(content, total, paging::toResponse);
    }

    /** One page of the member's own rooms (reference §11.4: the list holds the caller's own rooms). */
    public Mono<PageResponse<VideoRoomView>> ownedBy(long appId, long memberId, VideoRoomFilter filter,
                                                     VideoRoomSort sort, Paging paging) {
        VideoRoomFilter own = new VideoRoomFilter(memberId, filter.keyword(), filter.videoRoomState(),
                filter.type(), filter.accessLevel());
        return apps.ref(appId).flatMap(app -> list(app, own, sort, paging));
    }

    /** The room, if the member may view it. */
    public Mono<VideoRoomView> forMember(Viewer.Member viewer, long videoRoomId) {
        return byId(videoRoomId).flatMap(room -> admitted(viewer, room));
    }

    /** The room with that uuid, if the member may view it. */
    public Mono<VideoRoomView> forMemberByUuid(Viewer.Member viewer, String uuid) {
        return Mono.from(uuids.find(eq("_id", uuid)).first())
                .flatMap(found -> byId(found.getLong(VIDEO_ROOM_ID)))
                .flatMap(room -> admitted(viewer, room));
    }

    /** The room as nested in its stream key while on air; empty when it is gone or of another app. */
    public Mono<VideoRoomRef> nested(long appId, long videoRoomId) {
        return byId(videoRoomId)
                .filter(room -> VideoRoomDocuments.appId(room) == appId)
                .map(VideoRoomDocuments::toRef);
    }

    /** A RESTRICTED room admits its owner and the members on its allowlist. */
    private Mono<VideoRoomView> admitted(Viewer.Member viewer, Document room) {
        ProtectedResource resource = new ProtectedResource(VideoRoomDocuments.appId(room),
                VideoRoomDocuments.ownerMemberId(room), VideoRoomDocuments.accessLevel(room),
                VideoRoomDocuments.allowlist(room));
        return relationshipsFor(viewer, resource)
                .filter(known -> AccessPolicy.mayView(viewer, resource, known))
                .flatMap(admitted -> apps.ref(resource.appId()))
                .flatMap(app -> view(room, app));
    }

    /** Read only where the level depends on them, as the policy asks. */
    private Mono<Relationships> relationshipsFor(Viewer.Member viewer, ProtectedResource resource) {
        AccessLevel level = resource.accessLevel();
        boolean needed = (level == AccessLevel.FOLLOWER || level == AccessLevel.FRIEND)
                && viewer.appId() == resource.appId() && viewer.memberId() != resource.ownerMemberId();
        return needed
                ? relationships.between(resource.ownerMemberId(), viewer.memberId()).cast(Relationships.class)
                : Mono.just(NO_RELATIONSHIPS);
    }

    private static List<Bson> conditions(long appId, VideoRoomFilter filter) {
        List<Bson> conditions = new ArrayList<>(List.of(eq(APP_ID, appId), eq(STATE, ACTIVE)));
        if (filter.memberId() != null) {
            conditions.add(eq(MEMBER_ID, filter.memberId()));
        }
        if (filter.keyword() != null) {
            conditions.add(regex(TITLE, Pattern.compile(Pattern.quote(filter.keyword()), Pattern.CASE_INSENSITIVE)));
        }
        if (filter.videoRoomState() != null) {
            conditions.add(eq(VIDEO_ROOM_STATE, filter.videoRoomState().name()));
        }
        if (filter.type() != null) {
            conditions.add(eq(TYPE, filter.type().name()));
        }
        if (filter.accessLevel() != null) {
            conditions.add(eq(ACCESS_LEVEL, filter.accessLevel().name()));
        }
        return conditions;
    }

    private Mono<VideoRoomView> view(Document room, AppRef app) {
        return Mono.zip(owner(room), liveMode(room))
                .map(both -> VideoRoomDocuments.toView(room, app, both.getT1(), urls, both.getT2().orElse(null)));
    }

    /**
     * While the room is LIVE, the output mode of its key's running ingest, from the stream key read model (it
     * decides whether the room has an HTTP-FLV play URL).
     */
    private Mono<Optional<OutputMode>> liveMode(Document room) {
        Long streamKeyId = room.getLong(STREAM_KEY_ID);
        if (streamKeyId == null || !VideoRoomState.LIVE.name().equals(room.getString(VIDEO_ROOM_STATE))) {
            return Mono.just(Optional.empty());
        }
        return Mono.from(streamKeys.find(eq("_id", streamKeyId)).first())
                .map(key -> Optional.ofNullable(key.getString("mode")).map(OutputMode::valueOf))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<MemberRef> owner(Document room) {
        return members.owner(VideoRoomDocuments.appId(room), VideoRoomDocuments.ownerMemberId(room),
                room.getString(APP_USER_ID));
    }

    private Mono<Document> byId(long videoRoomId) {
        return Mono.from(rooms.find(eq("_id", videoRoomId)).first())
                .filter(VideoRoomDocuments::visible);
    }
}
