package io.flipflop.query.videoroom;

import static io.flipflop.query.readmodel.ReadModelWrites.instant;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.ChannelRef;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.StreamKeyRef;
import io.flipflop.api.videoroom.VideoRoomPolicy;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomStats;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.playback.PlaybackUrls;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@value #COLLECTION} read model: one document per room, keyed by its id, so reading a room is an
 * {@code _id} lookup. Shape: {@code {_id: videoRoomId, appId, memberId, appUserId, type, title, description,
 * accessLevel, customType, customData, videoRoomState, vodState, vodUrl, forciblyTerminated, scheduledAt,
 * cancelledAt, liveStartedAt, liveEndedAt, vodArchivedAt, streamKeyId, allowlist, uuid, creatorType, creatorId,
 * state, createdAt, lastModifiedAt, version}}. {@code streamKeyId} is set only while the room is on air;
 * {@code allowlist} is the array of member ids a RESTRICTED room admits (kept at every level); {@code state}
 * becomes DELETED when the room is deleted.
 *
 * <p>{@value #UUIDS_COLLECTION} maps a room's uuid to the room ({@code {_id: uuid, videoRoomId}}), so
 * {@code GET .../uuid/{uuid}} is two {@code _id} lookups.
 *
 * <p>The owner is not copied in: it is read from the members read model when a room is shown, so a changed
 * profile shows at once in every room.
 */
final class VideoRoomDocuments {

    static final String COLLECTION = "video_rooms";
    static final String UUIDS_COLLECTION = "video_room_uuids";

    static final String APP_ID = "appId";
    static final String MEMBER_ID = "memberId";
    static final String APP_USER_ID = "appUserId";
    static final String TYPE = "type";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String ACCESS_LEVEL = "accessLevel";
    static final String CUSTOM_TYPE = "customType";
    static final String CUSTOM_DATA = "customData";
    static final String VIDEO_ROOM_STATE = "videoRoomState";
    static final String VOD_STATE = "vodState";
    static final String VOD_URL = "vodUrl";
    static final String FORCIBLY_TERMINATED = "forciblyTerminated";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String CANCELLED_AT = "cancelledAt";
    static final String LIVE_STARTED_AT = "liveStartedAt";
    static final String LIVE_ENDED_AT = "liveEndedAt";
    static final String VOD_ARCHIVED_AT = "vodArchivedAt";
    static final String STREAM_KEY_ID = "streamKeyId";
    static final String ALLOWLIST = "allowlist";
    static final String UUID = "uuid";
    static final String CREATOR_TYPE = "creatorType";
    static final String CREATOR_ID = "creatorId";
    static final String STATE = "state";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";
    static final String VIDEO_ROOM_ID = "videoRoomId";

    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";

    private VideoRoomDocuments() {
    }

    static boolean visible(Document room) {
        return ACTIVE.equals(room.getString(STATE));
    }

    static long appId(Document room) {
        return room.getLong(APP_ID);
    }

    static long ownerMemberId(Document room) {
        return room.getLong(MEMBER_ID);
    }

    static AccessLevel accessLevel(Document room) {
        return AccessLevel.valueOf(room.getString(ACCESS_LEVEL));
    }

    /** The member ids on the room's allowlist; none in a document written before allowlists existed. */
    static Set<Long> allowlist(Document room) {
        Object stored = room.get(ALLOWLIST);
        if (!(stored instanceof List<?> ids)) {
            return Set.of();
        }
        Set<Long> allowlist = new HashSet<>();
        ids.forEach(id -> allowlist.add(((Number) id).longValue()));
        return allowlist;
    }

    /**
     * As the command side answers a room (reference §13.3, both field sets): the channel shares the room's id
     * and title, the nested stream key's state follows the room's (LIVE ⇔ ACTIVE_LIVE, LIVE_INACTIVE ⇔
     * INACTIVE_LIVE), and play URLs are filled while LIVE ({@link PlaybackUrls}).
     *
     * @param mode the output mode of the ingest of the key the room is live on; null when none or unknown
     */
    static VideoRoomView toView(Document room, AppRef app, MemberRef member, PlaybackUrls urls, OutputMode mode) {
        long id = room.getLong("_id");
        VideoRoomType type = VideoRoomType.valueOf(room.getString(TYPE));
        VideoRoomState state = VideoRoomState.valueOf(room.getString(VIDEO_ROOM_STATE));
        PlaybackUrls.Live play = urls.ofRoom(id, state, mode);
        Long streamKeyId = room.getLong(STREAM_KEY_ID);
        StreamKeyRef streamKey = streamKeyId == null ? null : new StreamKeyRef(streamKeyId, ACTIVE,
                state == VideoRoomState.LIVE ? StreamKeyState.ACTIVE_LIVE : StreamKeyState.INACTIVE_LIVE);
        String title = room.getString(TITLE);
        return new VideoRoomView(id, ACTIVE, room.getString(UUID), type,
                type == VideoRoomType.BROADCAST_RTMP ? "RTMP" : "WEB_RTC", state,
                room.getBoolean(FORCIBLY_TERMINATED), VodState.valueOf(room.getString(VOD_STATE)),
                urls.absolute(room.getString(VOD_URL)), "UNDEFINED", accessLevel(room), app, member,
                new ChannelRef(id, ACTIVE, "OPENED", title), CreatorType.valueOf(room.getString(CREATOR_TYPE)),
                room.getLong(CREATOR_ID), title, room.getString(DESCRIPTION), room.getString(CUSTOM_TYPE),
                customData(room.get(CUSTOM_DATA, Document.class)), new VideoRoomPolicy(false, false, false),
                instant(room, SCHEDULED_AT), instant(room, CANCELLED_AT), 0, instant(room, LIVE_STARTED_AT),
                instant(room, LIVE_ENDED_AT), instant(room, VOD_ARCHIVED_AT), streamKey, play.playUrl(),
                play.playUrl(), play.cmafHls(), play.cmafDash(), play.rtmp(), play.httpFlv(), null,
                new VideoRoomStats(allowlist(room).size()), instant(room, CREATED_AT),
                instant(room, LAST_MODIFIED_AT));
    }

    static VideoRoomRef toRef(Document room) {
        return new VideoRoomRef(room.getLong("_id"), ACTIVE, VideoRoomState.valueOf(room.getString(VIDEO_ROOM_STATE)),
                VideoRoomType.valueOf(room.getString(TYPE)), room.getString(TITLE));
    }

    private static Map<String, String> customData(Document stored) {
        if (stored == null) {
            return null;
        }
        Map<String, String> data = new LinkedHashMap<>();
        stored.forEach((name, value) -> data.put(name, (String) value));
        return data;
    }
}
