package io.flipflop.query.transcoding;

import static io.flipflop.query.readmodel.ReadModelWrites.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.RepresentativeType;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.transcoding.TranscodingProfileView;
import java.io.UncheckedIOException;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} read model: one document per profile, keyed by its id. Shape: {@code {_id: profileId,
 * appId (null for SYSTEM), type, creatorType, name, description, profile{...} (the settings as the API shows them),
 * state, createdAt, lastModifiedAt, version}}. Which profiles are DEFAULT depends on the app asking: its own choices
 * in {@value #APP_DEFAULTS}, {@code {_id: appId, VIDEO?, PREVIEW?, THUMBNAIL?, version}} (profile ids), else the
 * SYSTEM defaults.
 */
@Component
public class TranscodingProfileDocuments {

    public static final String COLLECTION = "transcoding_profiles";
    public static final String APP_DEFAULTS = "app_transcoding_defaults";

    static final String APP_ID = "appId";
    static final String TYPE = "type";
    static final String CREATOR_TYPE = "creatorType";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String PROFILE = "profile";
    static final String STATE = "state";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";
    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";

    private final ObjectMapper json;

    public TranscodingProfileDocuments(ObjectMapper json) {
        this.json = json;
    }

    Document toDocument(ProfileSettings settings) {
        try {
            return Document.parse(json.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code app}: the app of an APP profile (the caller's: listings are scoped to it); ignored for SYSTEM.
     * {@code defaults}: the ids of the profiles that are DEFAULT for that app.
     */
    TranscodingProfileView toView(Document profile, AppRef app, Set<Long> defaults) {
        long id = profile.getLong("_id");
        ProfileCreatorType creator = ProfileCreatorType.valueOf(profile.getString(CREATOR_TYPE));
        try {
            return new TranscodingProfileView(id, profile.getString(STATE),
                    TranscodingProfileType.valueOf(profile.getString(TYPE)), creator,
                    defaults.contains(id) ? RepresentativeType.DEFAULT : RepresentativeType.NON_DEFAULT,
                    creator == ProfileCreatorType.APP ? app : null, profile.getString(NAME),
                    profile.getString(DESCRIPTION),
                    json.readValue(profile.get(PROFILE, Document.class).toJson(), ProfileSettings.class),
                    instant(profile, CREATED_AT), instant(profile, LAST_MODIFIED_AT));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
