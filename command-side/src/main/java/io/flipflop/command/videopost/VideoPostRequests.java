package io.flipflop.command.videopost;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostField;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.command.patch.PatchBody;
import java.util.Arrays;
import java.util.EnumMap;
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

    private static final Map<String, TranscodingProfileType> PROFILE_FIELDS = Map.of(
            "videoProfileId", TranscodingProfileType.VIDEO,
            "previewProfileId", TranscodingProfileType.PREVIEW,
            "thumbnailProfileId", TranscodingProfileType.THUMBNAIL);

    /**
     * The fields a PATCH sets and their values (a present null clears a field); {@code profileIds} the profile ids
     * the body names, by type (a present null: none, or the default VIDEO profile).
     */
    public record Patch(VideoPostDetails values, Set<VideoPostField> fields,
                        Map<TranscodingProfileType, Long> profileIds) {
    }

    private VideoPostRequests() {
    }

    /** An absent body changes nothing, like {@code {}}; unknown fields are ignored. */
    public static Patch patch(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        Map<TranscodingProfileType, Long> profileIds = new EnumMap<>(TranscodingProfileType.class);
        PROFILE_FIELDS.forEach((name, type) -> {
            if (body.present(TranscodingProfileType.class, PROFILE_FIELDS).contains(type)) {
                profileIds.put(type, body.number(name));
            }
        });
        String accessLevel = body.text("accessLevel");
        return new Patch(new VideoPostDetails(body.text("title"), body.text("description"),
                accessLevel == null ? null : accessLevel(accessLevel), body.strings("customData"),
                body.text("category"), body.texts("tags")), body.present(VideoPostField.class, FIELDS),
                profileIds);
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
