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
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} read model: one document per profile, keyed by its id. Shape: {@code {_id: profileId,
 * appId (null for SYSTEM), type, creatorType, representativeType, name, description, profile{...} (the settings as
 * the API shows them), state, createdAt, lastModifiedAt, version}}.
 */
@Component
public class TranscodingProfileDocuments {

    public static final String COLLECTION = "transcoding_profiles";

    static final String APP_ID = "appId";
    static final String TYPE = "type";
    static final String CREATOR_TYPE = "creatorType";
    static final String REPRESENTATIVE_TYPE = "representativeType";
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

    /** {@code app}: the app of an APP profile (the caller's: listings are scoped to it); ignored for SYSTEM. */
    TranscodingProfileView toView(Document profile, AppRef app) {
        ProfileCreatorType creator = ProfileCreatorType.valueOf(profile.getString(CREATOR_TYPE));
        try {
            return new TranscodingProfileView(profile.getLong("_id"), profile.getString(STATE),
                    TranscodingProfileType.valueOf(profile.getString(TYPE)), creator,
                    RepresentativeType.valueOf(profile.getString(REPRESENTATIVE_TYPE)),
                    creator == ProfileCreatorType.APP ? app : null, profile.getString(NAME),
                    profile.getString(DESCRIPTION),
                    json.readValue(profile.get(PROFILE, Document.class).toJson(), ProfileSettings.class),
                    instant(profile, CREATED_AT), instant(profile, LAST_MODIFIED_AT));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
