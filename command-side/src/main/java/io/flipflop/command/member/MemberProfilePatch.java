package io.flipflop.command.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.ProfileField;
import io.flipflop.platform.error.ApiException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PATCH /v2/apps/me/members/{appUserId}} read as JSON, because a field that is absent keeps
 * its value while a field that is {@code null} clears it (reference §5.4), which a record cannot tell apart.
 * Besides the documented {@code appUserName} and {@code appUserProfileImgUrl}, the other profile fields of
 * login (D10) can be changed the same way.
 */
public record MemberProfilePatch(MemberProfile values, Set<ProfileField> fields) {

    private static final Map<String, ProfileField> FIELDS = Map.of(
            "appUserName", ProfileField.APP_USER_NAME,
            "appUserProfileImgUrl", ProfileField.APP_USER_PROFILE_IMG_URL,
            "email", ProfileField.EMAIL,
            "customType", ProfileField.CUSTOM_TYPE,
            "customData", ProfileField.CUSTOM_DATA);

    /** An absent body ({@code null}) changes nothing, like {@code {}}; unknown fields are ignored. */
    public static MemberProfilePatch from(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new MemberProfilePatch(MemberProfile.EMPTY, Set.of());
        }
        if (!body.isObject()) {
            throw invalid("The body must be a JSON object");
        }
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        FIELDS.forEach((name, field) -> {
            if (body.has(name)) {
                fields.add(field);
            }
        });
        return new MemberProfilePatch(new MemberProfile(
                text(body, "appUserName"),
                text(body, "appUserProfileImgUrl"),
                text(body, "email"),
                text(body, "customType"),
                customData(body.get("customData"))), Collections.unmodifiableSet(fields));
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

    /** Scalars become their text, as Jackson does for the {@code Map<String, String>} of member login. */
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
