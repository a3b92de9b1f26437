package io.flipflop.query.app;

import io.flipflop.api.app.AppView;
import io.flipflop.api.streamkey.OutputMode;
import org.bson.Document;

/**
 * The {@value #COLLECTION} read model: one document per app, keyed by app id, so reading an app is an
 * {@code _id} lookup. Shape: {@code {_id: appId, ownerUserId, name, apiKey, state, defaultRtmpOutputMode, createdAt,
 * lastModifiedAt, version}}; {@code defaultRtmpOutputMode} absent until the app first changes it (CMAF). The secret's hash is never copied here.
 */
final class AppDocuments {

    static final String COLLECTION = "apps";
    static final String OWNER_USER_ID = "ownerUserId";
    static final String NAME = "name";
    static final String API_KEY = "apiKey";
    static final String STATE = "state";
    static final String DEFAULT_RTMP_OUTPUT_MODE = "defaultRtmpOutputMode";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";

    /** Apps are never deleted yet; the state is there because every FlipFlop entity carries one. */
    static final String ACTIVE = "ACTIVE";

    private AppDocuments() {
    }

    static OutputMode defaultRtmpOutputMode(Document app) {
        String mode = app.getString(DEFAULT_RTMP_OUTPUT_MODE);
        return mode == null ? OutputMode.CMAF : OutputMode.valueOf(mode);
    }

    static AppView toView(Document app) {
        return new AppView(app.getLong("_id"), app.getString(STATE), app.getString(NAME), app.getString(API_KEY),
                defaultRtmpOutputMode(app), app.getDate(CREATED_AT).toInstant(), app.getDate(LAST_MODIFIED_AT).toInstant());
    }
}
