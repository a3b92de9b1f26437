package io.flipflop.command.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.ProfileField;
import io.flipflop.command.patch.PatchBody;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PATCH /v2/apps/me/members/{appUserId}}, read as a {@link PatchBody}. Besides the documented
 * {@code appUserName} and {@code appUserProfileImgUrl}, the other profile fields of login (D10) can be changed
 * the same way.
 */
public record MemberProfilePatch(MemberProfile values, Set<ProfileField> fields) {

    private static final Map<String, ProfileField> FIELDS = Map.of(
            "appUserName", ProfileField.APP_USER_NAME,
            "appUserProfileImgUrl", ProfileField.APP_USER_PROFILE_IMG_URL,
            "email", ProfileField.EMAIL,
            "customType", ProfileField.CUSTOM_TYPE,
            "customData", ProfileField.CUSTOM_DATA);

    /** An absent body ({@code null}) changes nothing, like {@code {}}; unknown fields are ignored. */
    public static MemberProfilePatch from(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        return new MemberProfilePatch(new MemberProfile(
                body.text("appUserName"),
                body.text("appUserProfileImgUrl"),
                body.text("email"),
                body.text("customType"),
                body.strings("customData")), body.present(ProfileField.class, FIELDS));
    }
}
