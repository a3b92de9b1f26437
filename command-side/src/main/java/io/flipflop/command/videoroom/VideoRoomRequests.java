package io.flipflop.command.videoroom;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomField;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.command.patch.PatchBody;
import java.util.Arrays;
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
            throw PatchBody.invalid("type must be one of " + Arrays.toString(VideoRoomType.values()) + " or "
                    + SURVEILLANCE_ALIAS);
        }
    }

    /** An absent body changes nothing, like {@code {}}; unknown fields are ignored. */
    public static Patch patch(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        String accessLevel = body.text("accessLevel");
        return new Patch(new VideoRoomDetails(body.text("title"), body.text("description"),
                accessLevel == null ? null : accessLevel(accessLevel), body.text("customType"),
                body.strings("customData")), body.present(VideoRoomField.class, FIELDS));
    }

    private static AccessLevel accessLevel(String text) {
        try {
            return AccessLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw PatchBody.invalid("accessLevel must be one of " + Arrays.toString(AccessLevel.values()));
        }
    }
}
