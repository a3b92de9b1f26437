package io.flipflop.command.transcoding;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.flipflop.api.app.AppDefaultTranscodingProfileChanged;
import io.flipflop.api.transcoding.ChosenProfile;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.SystemTranscodingProfiles;
import io.flipflop.api.transcoding.TranscodingProfileCreated;
import io.flipflop.api.transcoding.TranscodingProfileDeleted;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.platform.error.ApiException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which profiles a post may choose, for the video post writes: {@value #COLLECTION}, {@code {_id: profileId, appId,
 * type, name, state, profile}} ({@code profile} the settings as JSON), and the apps' default profiles,
 * {@value #APP_DEFAULTS}, {@code {_id: appId, VIDEO?, PREVIEW?, THUMBNAIL?}} (profile ids), kept by a subscribing
 * processor in the command's thread, so a profile is usable (or refused, once deleted) as soon as its write answered. The SYSTEM
 * profiles are not stored: they are {@link SystemTranscodingProfiles}. Idempotent.
 */
@Component
@ProcessingGroup(TranscodingProfileProcessing.PROCESSING_GROUP)
public class TranscodingProfileDirectory {

    static final String COLLECTION = "transcoding_profile_directory";
    static final String APP_DEFAULTS = "app_default_transcoding_profiles";
    private static final String ACTIVE = "ACTIVE";
    private static final String DELETED = "DELETED";

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> appDefaults;
    private final ObjectMapper json;

    public TranscodingProfileDirectory(MongoDatabase database, ObjectMapper json) {
        this.profiles = database.getCollection(COLLECTION);
        this.appDefaults = database.getCollection(APP_DEFAULTS);
        this.json = json;
    }

    @EventHandler
    void on(TranscodingProfileCreated event) {
        try {
            profiles.replaceOne(eq("_id", event.profileId()), new Document("_id", event.profileId())
                    .append("appId", event.appId()).append("type", event.type().name()).append("name", event.name())
                    .append("state", ACTIVE).append("profile", json.writeValueAsString(event.profile())),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventHandler
    void on(TranscodingProfileDeleted event) {
        profiles.updateOne(eq("_id", event.profileId()), Updates.set("state", DELETED));
    }

    /**
     * Blocking. The profile {@code field} names, as app {@code appId} may use it for {@code type}: a SYSTEM profile
     * or an ACTIVE one of the app's own. 404 TRANSCODING_PROFILE_NOT_FOUND for any other (missing, deleted, another
     * app's); 400 TRANSCODING_PROFILE_TYPE_MISMATCH for one of another type.
     */
    public ChosenProfile usable(long appId, long profileId, TranscodingProfileType type, String field) {
        ChosenProfile found = visible(appId, profileId)
                .orElseThrow(() -> ApiException.notFound("TRANSCODING_PROFILE_NOT_FOUND",
                        "No transcoding profile " + profileId + " for " + field));
        if (found.type() != type) {
            throw ApiException.badRequest("TRANSCODING_PROFILE_TYPE_MISMATCH", field + " must name a " + type
                    + " profile; profile " + profileId + " is " + found.type());
        }
        return found;
    }

    /**
     * Blocking. What the app's posts get when they name no profile of {@code type}: the app's default if it chose one
     * that is still ACTIVE, else the system's ({@link ChosenProfiles#DEFAULTS}; null for PREVIEW: no preview).
     */
    public ChosenProfile defaultOf(long appId, TranscodingProfileType type) {
        Document chosen = appDefaults.find(eq("_id", appId)).first();
        Number id = chosen == null ? null : chosen.get(type.name(), Number.class);
        ChosenProfile system = switch (type) {
            case VIDEO -> ChosenProfiles.DEFAULTS.video();
            case PREVIEW -> ChosenProfiles.DEFAULTS.preview();
            case THUMBNAIL -> ChosenProfiles.DEFAULTS.thumbnail();
            case BROADCAST_RTMP -> null;
        };
        return Optional.ofNullable(id).flatMap(profileId -> visible(appId, profileId.longValue()))
                .filter(profile -> profile.type() == type).orElse(system);
    }

    @EventHandler
    void on(AppDefaultTranscodingProfileChanged event) {
        appDefaults.updateOne(eq("_id", event.appId()), event.profileId() == null ? Updates.unset(event.type().name())
                : Updates.set(event.type().name(), event.profileId()), new UpdateOptions().upsert(true));
    }

    /** A SYSTEM profile, or an ACTIVE one of the app's own. */
    private Optional<ChosenProfile> visible(long appId, long profileId) {
        return SystemTranscodingProfiles.find(profileId).map(SystemTranscodingProfiles.SystemProfile::chosen)
                .or(() -> Optional.ofNullable(profiles.find(eq("_id", profileId)).first())
                        .filter(entry -> entry.getLong("appId") == appId && ACTIVE.equals(entry.getString("state")))
                        .map(this::chosen));
    }

    /** Blocking. ACTIVE or DELETED; a SYSTEM profile is always ACTIVE. */
    public String state(long profileId) {
        if (SystemTranscodingProfiles.find(profileId).isPresent()) {
            return ACTIVE;
        }
        Document entry = profiles.find(eq("_id", profileId)).first();
        return entry == null ? DELETED : entry.getString("state");
    }

    private ChosenProfile chosen(Document entry) {
        try {
            return new ChosenProfile(entry.getLong("_id"), TranscodingProfileType.valueOf(entry.getString("type")),
                    entry.getString("name"), json.readValue(entry.getString("profile"), ProfileSettings.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
