package io.flipflop.command.videopost;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostField;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.command.patch.PatchBody;
import io.flipflop.platform.error.ApiException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Reading post request bodies at the HTTP edge: PATCH's "present means set" semantics, the profile ids and the eTag
 * of a thumbnail or preview completion.
 */
public final class VideoPostRequests {

    private static final Map<String, VideoPostField> FIELDS = Map.of(
            "title", VideoPostField.TITLE,
            "description", VideoPostField.DESCRIPTION,
            "accessLevel", VideoPostField.ACCESS_LEVEL,
            "customData", VideoPostField.CUSTOM_DATA,
            "category", VideoPostField.CATEGORY,
            "tags", VideoPostField.TAGS);

    /** The fields a PATCH sets and their values (a present null clears a field). */
    public record Patch(VideoPostDetails values, Set<VideoPostField> fields) {
    }

    private VideoPostRequests() {
    }

    /** An absent body changes nothing, like {@code {}}; unknown fields are ignored. */
    public static Patch patch(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        noProfiles(body.number("videoProfileId"), body.number("previewProfileId"), body.number("thumbnailProfileId"));
        String accessLevel = body.text("accessLevel");
        return new Patch(new VideoPostDetails(body.text("title"), body.text("description"),
                accessLevel == null ? null : accessLevel(accessLevel), body.strings("customData"),
                body.text("category"), body.texts("tags")), body.present(VideoPostField.class, FIELDS));
    }

    /**
     * Transcoding profiles (reference §9) are not built: every post gets the default ladder and thumbnail, so a
     * profile id names nothing and is refused rather than silently ignored.
     */
    public static void noProfiles(Long... profileIds) {
        if (Arrays.stream(profileIds).anyMatch(id -> id != null)) {
            throw ApiException.notFound("TRANSCODING_PROFILE_NOT_FOUND",
                    "No such transcoding profile; only the default ladder and thumbnail exist");
        }
    }

    /**
     * The eTag of a thumbnail or preview completion: {@code {"eTag": "..."}}, or the src-file form
     * {@code [{"partNumber": 1, "eTag": "..."}]} with its one part, so a client written for source uploads works too.
     */
    public static String assetETag(JsonNode body) {
        JsonNode part = body != null && body.isArray() && body.size() == 1 ? body.get(0) : body;
        boolean onePart = body == null || !body.isArray() || part.path("partNumber").asInt(1) == 1;
        JsonNode eTag = part == null ? null : part.get("eTag");
        if (!onePart || eTag == null || !eTag.isTextual() || eTag.asText().isBlank()) {
            throw PatchBody.invalid("The body must be {\"eTag\": \"...\"} with the ETag the upload answered");
        }
        return eTag.asText();
    }

    private static AccessLevel accessLevel(String text) {
        try {
            return AccessLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw PatchBody.invalid("accessLevel must be one of " + Arrays.toString(AccessLevel.values()));
        }
    }
}
