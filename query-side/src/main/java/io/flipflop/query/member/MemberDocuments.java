package io.flipflop.query.member;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The {@value #COLLECTION} read model: one document per (app, appUserId), keyed
 * {@code "<appId>:<appUserId>"}, because that pair is how both the App API and a member's own token name a
 * member; every single-member read is then an {@code _id} lookup. Shape: {@code {_id, memberId, appId,
 * appUserId, appUserName, appUserProfileImgUrl, email, customType, customData, guest, state, streamKeyId,
 * createdAt, lastModifiedAt, version}}.
 *
 * <p>{@value #KEYS_COLLECTION} maps a member id to that key ({@code {_id: memberId, key}}), for the events
 * that name the member only by id.
 */
final class MemberDocuments {

    static final String COLLECTION = "members";
    static final String KEYS_COLLECTION = "member_keys";

    static final String KEY = "key";
    static final String MEMBER_ID = "memberId";
    static final String APP_ID = "appId";
    static final String APP_USER_ID = "appUserId";
    static final String APP_USER_NAME = "appUserName";
    static final String APP_USER_PROFILE_IMG_URL = "appUserProfileImgUrl";
    static final String EMAIL = "email";
    static final String CUSTOM_TYPE = "customType";
    static final String CUSTOM_DATA = "customData";
    static final String GUEST = "guest";
    static final String STATE = "state";
    static final String STREAM_KEY_ID = "streamKeyId";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";

    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";

    private MemberDocuments() {
    }

    /** The {@code _id} of the app's member with that appUserId. */
    static String key(long appId, String appUserId) {
        return appId + ":" + appUserId;
    }

    static MemberView toView(Document member, AppRef app) {
        return new MemberView(member.getLong(MEMBER_ID), member.getString(STATE), app,
                member.getString(APP_USER_ID), member.getString(APP_USER_NAME),
                member.getString(APP_USER_PROFILE_IMG_URL), member.getString(EMAIL), member.getString(CUSTOM_TYPE),
                customData(member.get(CUSTOM_DATA, Document.class)), member.getBoolean(GUEST),
                member.getDate(CREATED_AT).toInstant(), member.getDate(LAST_MODIFIED_AT).toInstant());
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
