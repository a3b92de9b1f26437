package io.flipflop.command.member;

import io.flipflop.api.member.MemberProfile;
import io.flipflop.platform.error.DomainRejection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The documented limits on a member's identity and profile (reference §2.4, §2.5). They are invariants of
 * {@link Member}, and the App API checks them before claiming an {@code appUserId} too, so a bad request
 * leaves no trace.
 */
public final class MemberRules {

    static final int MAX_CUSTOM_TYPE_LENGTH = 50;
    static final int MAX_CUSTOM_DATA_ITEMS = 10;
    static final int MAX_CUSTOM_DATA_NAME_LENGTH = 50;
    static final int MAX_CUSTOM_DATA_VALUE_LENGTH = 50;
    /** Letters and digits only: the reading of §21.11 that FlipFlop's own error text and chat docs share. */
    private static final Pattern APP_USER_ID = Pattern.compile("[A-Za-z0-9]+");

    private MemberRules() {
    }

    public static void checkAppUserId(String appUserId) {
        if (appUserId == null || appUserId.isEmpty()) {
            throw new DomainRejection("EMPTY_APP_USER_ID", "appUserId is required");
        }
        if (!APP_USER_ID.matcher(appUserId).matches()) {
            throw new DomainRejection("INVALID_APP_USER_ID_FORMAT", "appUserId may contain only letters and digits");
        }
    }

    public static void checkProfile(MemberProfile profile) {
        if (profile.customType() != null && profile.customType().length() > MAX_CUSTOM_TYPE_LENGTH) {
            throw new DomainRejection("CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED",
                    "customType may have at most " + MAX_CUSTOM_TYPE_LENGTH + " characters");
        }
        Map<String, String> customData = profile.customData();
        if (customData == null) {
            return;
        }
        if (customData.size() > MAX_CUSTOM_DATA_ITEMS) {
            throw new DomainRejection("CUSTOM_DATA_ITEM_COUNT_UPPER_LIMIT_EXCEEDED",
                    "customData may have at most " + MAX_CUSTOM_DATA_ITEMS + " items");
        }
        for (var item : customData.entrySet()) {
            if (item.getKey().length() > MAX_CUSTOM_DATA_NAME_LENGTH) {
                throw new DomainRejection("CUSTOM_DATA_ITEM_NAME_SIZE_UPPER_LIMIT_EXCEEDED",
                        "customData item names may have at most " + MAX_CUSTOM_DATA_NAME_LENGTH + " characters");
            }
            if (item.getValue() != null && item.getValue().length() > MAX_CUSTOM_DATA_VALUE_LENGTH) {
                throw new DomainRejection("CUSTOM_DATA_ITEM_VALUE_SIZE_UPPER_LIMIT_EXCEEDED",
                        "customData item values may have at most " + MAX_CUSTOM_DATA_VALUE_LENGTH + " characters");
            }
        }
    }
}
