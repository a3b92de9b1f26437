package io.flipflop.api.member;

import java.util.Map;

/** What the app tells us about one of its users; all optional (reference §5.1, §13.1). */
public record MemberProfile(String appUserName, String appUserProfileImgUrl, String email, String customType,
                            Map<String, String> customData) {

    public static final MemberProfile EMPTY = new MemberProfile(null, null, null, null, null);
}
