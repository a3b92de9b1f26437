package io.flipflop.query.streamkey;

import org.bson.Document;

/**
 * The {@value #COLLECTION} read model: one document per stream key, keyed by its id, so reading a key is an
 * {@code _id} lookup. Shape: {@code {_id: streamKeyId, appId, memberId, streamKey, streamKeyState,
 * forciblyTerminated, videoRoomId, mode, createdAt, lastModifiedAt, version, appUserId, appUserName,
 * appUserProfileImgUrl, customType, memberState, memberVersion}}. {@code videoRoomId} is set only while the key
 * is live for a room, {@code mode} only while an ingest runs.
 *
 * <p>The key's owner is copied in from the member's own events (a member has exactly one key), because the
 * listing filters on {@code appUserId} and {@code appUserName} and nests the member. Those fields follow the
 * member's stream and are guarded by its sequence ({@code memberVersion}); the key's fields follow the key's
 * stream ({@code version}). The two streams may be processed in either order, so whichever arrives first
 * creates the document; a key is readable once its own creation is applied ({@code createdAt} is set) and
 * until its member is deleted.
 *
 * <p>{@value #MEMBERS_COLLECTION} maps a member id to its key ({@code {_id: memberId, streamKeyId}}): a member's
 * token names only the member.
 */
final class StreamKeyDocuments {

    static final String COLLECTION = "stream_keys";
    static final String MEMBERS_COLLECTION = "stream_key_members";

    static final String APP_ID = "appId";
    static final String MEMBER_ID = "memberId";
    static final String STREAM_KEY = "streamKey";
    static final String STREAM_KEY_STATE = "streamKeyState";
    static final String FORCIBLY_TERMINATED = "forciblyTerminated";
    static final String VIDEO_ROOM_ID = "videoRoomId";
    static final String MODE = "mode";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";
    static final String APP_USER_ID = "appUserId";
    static final String APP_USER_NAME = "appUserName";
    static final String APP_USER_PROFILE_IMG_URL = "appUserProfileImgUrl";
    static final String CUSTOM_TYPE = "customType";
    static final String MEMBER_STATE = "memberState";
    static final String MEMBER_VERSION = "memberVersion";
    static final String STREAM_KEY_ID = "streamKeyId";

    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";

    private StreamKeyDocuments() {
    }

    /** Created by its own stream (not only by its member's) and its member not deleted. */
    static boolean visible(Document key) {
        return key.get(CREATED_AT) != null && !DELETED.equals(key.getString(MEMBER_STATE));
    }
}
