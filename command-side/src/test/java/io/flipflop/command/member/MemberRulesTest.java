package io.flipflop.command.member;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipflop.api.member.MemberProfile;
import io.flipflop.platform.error.ApiException;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class MemberRulesTest {

    @Test
    void anAppUserIdOfLettersAndDigitsIsAccepted() {
        for (String appUserId : new String[] {"a", "Z", "7", "alice1", "5f2b9c1e8d3a4b6c7d8e9f01"}) {
            assertThatCode(() -> MemberRules.checkAppUserId(appUserId)).as(appUserId).doesNotThrowAnyException();
        }
    }

    @Test
    void aMissingOrEmptyAppUserIdIsRejected() {
        assertRejected(() -> MemberRules.checkAppUserId(null), "EMPTY_APP_USER_ID");
        assertRejected(() -> MemberRules.checkAppUserId(""), "EMPTY_APP_USER_ID");
    }

    @Test
    void anAppUserIdWithAnyOtherCharacterIsRejected() {
        for (String appUserId : new String[] {" ", "alice 1", "alice-1", "alice_1", "a.b", "a:b", "a@b", "é", "한글",
                "1/2", "alice\n"}) {
            assertRejected(() -> MemberRules.checkAppUserId(appUserId), "INVALID_APP_USER_ID_FORMAT");
        }
    }

    @Test
    void aProfileAtEveryLimitIsAccepted() {
        Map<String, String> tenItems = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            tenItems.put(i + "k".repeat(49), "v".repeat(50));
        }
        assertThatCode(() -> MemberRules.checkProfile(new MemberProfile(null, null, null, "t".repeat(50), tenItems)))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmptyProfileIsAccepted() {
        assertThatCode(() -> MemberRules.checkProfile(MemberProfile.EMPTY)).doesNotThrowAnyException();
    }

    @Test
    void aCustomTypeOverFiftyCharactersIsRejected() {
        assertRejected(() -> MemberRules.checkProfile(customType("t".repeat(51))),
                "CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED");
    }

    @Test
    void moreThanTenCustomDataItemsAreRejected() {
        Map<String, String> elevenItems = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            elevenItems.put("k" + i, "v");
        }
        assertRejected(() -> MemberRules.checkProfile(customData(elevenItems)),
                "CUSTOM_DATA_ITEM_COUNT_UPPER_LIMIT_EXCEEDED");
    }

    @Test
    void aCustomDataNameOverFiftyCharactersIsRejected() {
        assertRejected(() -> MemberRules.checkProfile(customData(Map.of("k".repeat(51), "v"))),
                "CUSTOM_DATA_ITEM_NAME_SIZE_UPPER_LIMIT_EXCEEDED");
    }

    @Test
    void aCustomDataValueOverFiftyCharactersIsRejected() {
        assertRejected(() -> MemberRules.checkProfile(customData(Map.of("k", "v".repeat(51)))),
                "CUSTOM_DATA_ITEM_VALUE_SIZE_UPPER_LIMIT_EXCEEDED");
    }

    @Test
    void aCustomDataItemWithoutValueIsAccepted() {
        Map<String, String> item = new HashMap<>();
        item.put("k", null);
        assertThatCode(() -> MemberRules.checkProfile(customData(item))).doesNotThrowAnyException();
    }

    private static MemberProfile customType(String customType) {
        return new MemberProfile(null, null, null, customType, null);
    }

    private static MemberProfile customData(Map<String, String> customData) {
        return new MemberProfile(null, null, null, null, customData);
    }

    private static AbstractThrowableAssert<?, ?> assertRejected(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable check, String errorCode) {
        return assertThatThrownBy(check)
                .as(errorCode)
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("errorCode", errorCode)
                .hasFieldOrPropertyWithValue("status", org.springframework.http.HttpStatus.BAD_REQUEST);
    }
}
