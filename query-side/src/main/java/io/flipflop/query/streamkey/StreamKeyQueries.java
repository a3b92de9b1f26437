package io.flipflop.query.streamkey;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_USER_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_USER_NAME;
import static io.flipflop.query.streamkey.StreamKeyDocuments.APP_USER_PROFILE_IMG_URL;
import static io.flipflop.query.streamkey.StreamKeyDocuments.CREATED_AT;
import static io.flipflop.query.streamkey.StreamKeyDocuments.CUSTOM_TYPE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.DELETED;
import static io.flipflop.query.streamkey.StreamKeyDocuments.FORCIBLY_TERMINATED;
import static io.flipflop.query.streamkey.StreamKeyDocuments.LAST_MODIFIED_AT;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MEMBER_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MEMBER_STATE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.MODE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.STREAM_KEY;
import static io.flipflop.query.streamkey.StreamKeyDocuments.STREAM_KEY_ID;
import static io.flipflop.query.streamkey.StreamKeyDocuments.STREAM_KEY_STATE;
import static io.flipflop.query.streamkey.StreamKeyDocuments.VIDEO_ROOM_ID;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyAppRef;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.videoroom.VideoRoomQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of the {@value StreamKeyDocuments#COLLECTION} read model. Every read is scoped to one app, and a key
 * whose member was deleted is gone. Every read here is by the app server or by the key's own member, the two
 * who may know the key string, so views carry {@code streamKey}.
 */
@Component
public class StreamKeyQueries {

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> members;
    private final AppQueries apps;
    private final VideoRoomQueries rooms;
    private final String ingestUrl;
    private final PlaybackUrls urls;

    /** {@code ingestUrl} is the command side's setting, so both sides show the same RTMP base. */
    public StreamKeyQueries(MongoDatabase database, AppQueries apps, VideoRoomQueries rooms,
                            @Value("${flipflop.ingest.ingest-url:rtmp://localhost:1935/live}") String ingestUrl,
                            PlaybackUrls urls) {
        this.urls = urls;
        this.keys = database.getCollection(StreamKeyDocuments.COLLECTION);
        this.members = database.getCollection(StreamKeyDocuments.MEMBERS_COLLECTION);
        this.apps = apps;
        this.rooms = rooms;
        this.ingestUrl = ingestUrl;
    }

    /** The app's key with that id. */
    public Mono<StreamKeyView> ofApp(AppRef app, long streamKeyId) {
        return byId(app.id(), streamKeyId).flatMap(key -> view(key, app));
    }

    /** The key of the app's member with that id; a guest has none. */
    public Mono<StreamKeyView> ofMember(AppRef app, long memberId) {
        return Mono.from(members.find(eq("_id", memberId)).first())
                .flatMap(mapping -> byId(app.id(), mapping.getLong(STREAM_KEY_ID)))
                .filter(key -> key.getLong(MEMBER_ID) == memberId)
                .flatMap(key -> view(key, app));
    }

    /** The key of the member a token was issued to. */
    public Mono<StreamKeyView> self(long appId, long memberId) {
        return apps.ref(appId).flatMap(app -> ofMember(app, memberId));
    }

    /**
     * One page of the app's keys. {@code appUserId} matches exactly; {@code appUserName} matches any part of the
     * name, ignoring case, as the member listing does; {@code videoRoomId} matches the room a key is live for.
     */
    public Mono<PageResponse<StreamKeyView>> list(AppRef app, Long memberId, String appUserId, String appUserName,
                                                  Long videoRoomId, StreamKeySort sort, Paging paging) {
        List<Bson> conditions = new ArrayList<>(List.of(eq(APP_ID, app.id()), exists(CREATED_AT),
                ne(MEMBER_STATE, DELETED)));
        if (memberId != null) {
            conditions.add(eq(MEMBER_ID, memberId));
        }
        if (appUserId != null && !appUserId.isEmpty()) {
            conditions.add(eq(APP_USER_ID, appUserId));
        }
        if (appUserName != null && !appUserName.isEmpty()) {
            conditions.add(regex(APP_USER_NAME, Pattern.compile(Pattern.quote(appUserName), Pattern.CASE_INSENSITIVE)));
        }
        if (videoRoomId != null) {
            conditions.add(eq(VIDEO_ROOM_ID, videoRoomId));
        }
        Bson filter = and(conditions);
        Mono<List<StreamKeyView>> content = Flux.from(keys.find(filter)
                        .sort(sort.toBson())
                        .skip((int) Math.min(paging.offset(), Integer.MAX_VALUE)) // a page past any listing
                        .limit(paging.size()))
                .flatMapSequential(key -> view(key, app))
                .collectList();
        Mono<Long> total = Mono.from(keys.countDocuments(filter));
        return Mono.zip(content, total, paging::toResponse);
    }

    private Mono<Document> byId(long appId, long streamKeyId) {
        return Mono.from(keys.find(eq("_id", streamKeyId)).first())
                .filter(key -> StreamKeyDocuments.visible(key) && key.getLong(APP_ID) == appId);
    }

    /**
     * The room is nested only while the key is live for it, read from the rooms read model as it is now; the
     * app's default output mode from the apps read model.
     */
    private Mono<StreamKeyView> view(Document key, AppRef app) {
        Long videoRoomId = key.getLong(VIDEO_ROOM_ID);
        Mono<Optional<VideoRoomRef>> room = videoRoomId == null ? Mono.just(Optional.empty())
                : rooms.nested(app.id(), videoRoomId).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(room, apps.defaultRtmpOutputMode(app.id()),
                (videoRoom, appMode) -> toView(key, new StreamKeyAppRef(app.id(), app.state(), app.name(), appMode),
                        videoRoom.orElse(null)));
    }

    /**
     * As the command side answers a key (reference §13.2, both field sets): play URLs and {@code liveUrl} are the
     * room's while the key is live for it ({@link PlaybackUrls#ofStreamKey}).
     */
    private StreamKeyView toView(Document key, StreamKeyAppRef app, VideoRoomRef videoRoom) {
        String mode = key.getString(MODE);
        OutputMode outputMode = mode == null ? null : OutputMode.valueOf(mode);
        StreamKeyState state = StreamKeyState.valueOf(key.getString(STREAM_KEY_STATE));
        PlaybackUrls.Live play = urls.ofStreamKey(state, key.getLong(VIDEO_ROOM_ID), outputMode);
        MemberRef member = new MemberRef(key.getLong(MEMBER_ID), StreamKeyDocuments.ACTIVE,
                key.getString(APP_USER_ID), key.getString(APP_USER_NAME), key.getString(APP_USER_PROFILE_IMG_URL),
                key.getString(CUSTOM_TYPE));
        return new StreamKeyView(key.getLong("_id"), StreamKeyDocuments.ACTIVE,
                state, key.getBoolean(FORCIBLY_TERMINATED),
                app, member, videoRoom,
                ingestUrl, key.getString(STREAM_KEY), outputMode,
                play.playUrl(), play.playUrl(), play.cmafHls(), play.cmafDash(), play.rtmp(), play.httpFlv(), null,
                null, key.getDate(CREATED_AT).toInstant(),
                key.getDate(LAST_MODIFIED_AT).toInstant());
    }
}
