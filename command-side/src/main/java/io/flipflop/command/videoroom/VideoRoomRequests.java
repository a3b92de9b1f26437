package io.flipflop.command.videoroom;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomField;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.platform.error.ApiException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading room request bodies at the HTTP edge: enum aliases and PATCH's "present means set" semantics. */
public final class VideoRoomRequests {

    /** D10 renamed SURVEILLANCE (D07, SRV); both spellings are accepted. */
    private static final String SURVEILLANCE_ALIAS = "VIDEO_SURVEILLANCE";

    private static final Map<String, VideoRoomField> FIELDS = Map.of(
            "title", VideoRoomField.TITLE,
            "description", VideoRoomField.DESCRIPTION,
            "accessLevel", VideoRoomField.ACCESS_LEVEL,
            "customType", VideoRoomField.CUSTOM_TYPE,
            "customData", VideoRoomField.CUSTOM_DATA);

    /** The fields a PATCH sets and their values (a present null clears a field). */
    public record Patch(VideoRoomDetails values, Set<VideoRoomField> fields) {
    }

    private VideoRoomRequests() {
    }

    /** Null or blank means "not given", which the room rules answer with EMPTY_VIDEO_ROOM_TYPE. */
    public static VideoRoomType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (SURVEILLANCE_ALIAS.equals(text)) {
            return VideoRoomType.SURVEILLANCE;
        }
        try {
            return VideoRoomType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw invalid("type must be one of " + Arrays.toString(VideoRoomType.values()) + " or "
                    + SURVEILLANCE_ALIAS);
        }
    }

    /** An absent body changes nothing, like {@code {}}; unknown fields are ignored. */
    public static Patch patch(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new Patch(new VideoRoomDetails(null, null, null, null, null), Set.of());
        }
        if (!body.isObject()) {
            throw invalid("The body must be a JSON object");
        }
        Set<VideoRoomField> fields = EnumSet.noneOf(VideoRoomField.class);
        FIELDS.forEach((name, field) -> {
            if (body.has(name)) {
                fields.add(field);
            }
        });
        String accessLevel = text(body, "accessLevel");
        return new Patch(new VideoRoomDetails(text(body, "title"), text(body, "description"),
                accessLevel == null ? null : accessLevel(accessLevel), text(body, "customType"),
                customData(body.get("customData"))), Collections.unmodifiableSet(fields));
    }

    private static AccessLevel accessLevel(String text) {
        try {
            return AccessLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw invalid("accessLevel must be one of " + Arrays.toString(AccessLevel.values()));
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw invalid(name + " must be a string");
        }
        return value.asText();
    }

    /** Scalars become their text, as Jackson does for the {@code Map<String, String>} of room creation. */
    private static Map<String, String> customData(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid("customData must be an object of strings");
        }
        Map<String, String> items = new LinkedHashMap<>();
        for (var item : value.properties()) {
            JsonNode itemValue = item.getValue();
            if (!itemValue.isValueNode()) {
                throw invalid("customData values must be strings");
            }
            items.put(item.getKey(), itemValue.isNull() ? null : itemValue.asText());
        }
        return items;
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("INVALID_HTTP_MESSAGE_BODY", message);
    }
}
