package io.flipflop.command.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.ProfileField;
import io.flipflop.platform.error.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberProfilePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAbsentFieldIsKeptAndANullFieldIsCleared() throws Exception {
        var patch = MemberProfilePatch.from(json("{\"appUserName\": \"Alice\", \"appUserProfileImgUrl\": null}"));
        assertThat(patch.fields())
                .containsExactlyInAnyOrder(ProfileField.APP_USER_NAME, ProfileField.APP_USER_PROFILE_IMG_URL);
        assertThat(patch.values()).isEqualTo(new MemberProfile("Alice", null, null, null, null));
    }

    @Test
    void anEmptyObjectOrNoBodyChangesNothing() throws Exception {
        assertThat(MemberProfilePatch.from(json("{}")).fields()).isEmpty();
        assertThat(MemberProfilePatch.from(null).fields()).isEmpty();
    }

    @Test
    void theProfileFieldsOfLoginCanBeSetToo() throws Exception {
        var patch = MemberProfilePatch.from(json("{\"email\": \"a@example.com\", \"customType\": \"VIP\", "
                + "\"customData\": {\"tier\": \"gold\", \"n\": 3}}"));
        assertThat(patch.fields())
                .containsExactlyInAnyOrder(ProfileField.EMAIL, ProfileField.CUSTOM_TYPE, ProfileField.CUSTOM_DATA);
        assertThat(patch.values())
                .isEqualTo(new MemberProfile(null, null, "a@example.com", "VIP", Map.of("tier", "gold", "n", "3")));
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        assertThat(MemberProfilePatch.from(json("{\"state\": \"DELETED\"}")).fields()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        assertInvalid("[1, 2]");
        assertInvalid("\"Alice\"");
    }

    @Test
    void aStructuredValueForATextFieldIsRejected() {
        assertInvalid("{\"appUserName\": {\"first\": \"Alice\"}}");
        assertInvalid("{\"customData\": [\"a\"]}");
        assertInvalid("{\"customData\": {\"k\": {\"nested\": true}}}");
    }

    private static void assertInvalid(String body) {
        assertThatThrownBy(() -> MemberProfilePatch.from(json(body)))
                .as(body)
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("errorCode", "INVALID_HTTP_MESSAGE_BODY");
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
